package org.jixiao;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Tasklist in the system's headless Chromium, for browser tests: log in, open a task's form, wait for what the
 * page should show, take screenshots (target/screenshots). {@link #available()} tells whether Chromium and its
 * driver are installed.
 */
public final class TasklistBrowser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver browser;
  private final int port;

  private TasklistBrowser(WebDriver browser, int port) {
    this.browser = browser;
    this.port = port;
  }

  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  public static TasklistBrowser open(int port) throws IOException {
    Path profile = Files.createTempDirectory("jixiao-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
        "--window-size=1400,2200", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    Files.createDirectories(SCREENSHOTS);
    return new TasklistBrowser(new ChromeDriver(service, options), port);
  }

  public WebDriver driver() {
    return browser;
  }

  /** Logs in to Tasklist as the demo user (password demo), after logging out whoever was in. */
  public void login(String user) {
    login(user, "demo");
  }

  /** Logs in to Tasklist, after logging out whoever was in, and waits for Tasklist's filters. */
  public void login(String user, String secret) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.manage().deleteAllCookies();
    // now and then Tasklist's first load stays at its spinner on a loaded machine: load it again, as a user would
    for (int attempt = 1; attempt < 3; attempt++) {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      if (appears(Duration.ofSeconds(25), () -> !browser.findElements(By.cssSelector("input[type=password]")).isEmpty())) {
        break;
      }
    }
    waitFor("the login form", () -> !browser.findElements(By.cssSelector("input[type=password]")).isEmpty());
    // now and then a first login on a loaded machine is answered before the session is ready: try again, as a user would
    Supplier<Boolean> inTasklist = () -> browser.findElements(By.cssSelector("input[type=password]")).isEmpty()
        && !browser.findElements(By.cssSelector("[cam-tasklist-filters]")).isEmpty();
    for (int attempt = 1; attempt <= 3; attempt++) {
      // type until both fields hold what was typed: the login page moves the focus once it has rendered
      waitFor("the login form to take the credentials", () -> {
        WebElement name = browser.findElement(By.cssSelector("input[type=text]"));
        WebElement password = browser.findElement(By.cssSelector("input[type=password]"));
        name.clear();
        name.sendKeys(user);
        password.clear();
        password.sendKeys(secret);
        return user.equals(name.getDomProperty("value")) && secret.equals(password.getDomProperty("value"));
      });
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      if (appears(Duration.ofSeconds(30), inTasklist)) {
        return;
      }
    }
    waitFor("Tasklist", inTasklist);
  }

  /** Opens the task and waits for its embedded form (by its name attribute). */
  public void openTask(String taskId, String formName) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    waitFor("the form " + formName, () -> !browser.findElements(By.cssSelector("form[name=" + formName + "] h3")).isEmpty());
  }

  /** Clicks Tasklist's 提交 under the form once it is enabled. */
  public void submitWhenEnabled() {
    WebElement submit = browser.findElements(By.cssSelector("button")).stream()
        .filter(b -> b.getText().strip().equals("提交")).findFirst().orElseThrow(() -> new AssertionError("no submit button"));
    waitFor("the submit button to be enabled", submit::isEnabled);
    submit.click();
  }

  public WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  public java.util.List<WebElement> findAll(String css) {
    return browser.findElements(By.cssSelector(css));
  }

  public void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** Whether the condition holds within the time, without failing. */
  public static boolean appears(Duration within, Supplier<Boolean> condition) {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return true;
        }
      } catch (RuntimeException e) {
        // the page is still being put together
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Waits up to 60 s (a loaded CI machine); on timeout a screenshot and the page's text in the failure. */
  public void waitFor(String what, Supplier<Boolean> condition) {
    if (appears(Duration.ofSeconds(60), condition)) {
      return;
    }
    try {
      screenshot("timed-out");
    } catch (IOException | RuntimeException e) {
      // the screenshot only helps to see why; the failure is the timeout
    }
    String page;
    try {
      page = browser.findElement(By.tagName("body")).getText();
    } catch (RuntimeException e) {
      page = "(page unreadable: " + e.getMessage() + ")";
    }
    throw new AssertionError("timed out waiting for " + what + " (screenshot " + SCREENSHOTS.resolve("timed-out.png")
        + "): " + page.substring(0, Math.min(800, page.length())));
  }

  @Override
  public void close() {
    browser.quit();
  }
}
