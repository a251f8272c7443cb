package org.jixiao.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 佐证材料 in a real browser (the system's Chromium, headless): the unit uploads a PDF in its self-assessment
 * form in Tasklist, the supervising department sees it in its review form and downloads the same bytes with
 * its Tasklist login. Skipped without Chromium and its driver. Screenshots go to target/screenshots.
 */
@PlatformTest
class AttachmentBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  WebDriver browser;
  Path profile;
  String formName;

  @BeforeEach
  void openBrowser() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Chromium and chromedriver are not installed");
    profile = Files.createTempDirectory("jixiao-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
        "--window-size=1400,2200", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theUnitUploadsAPdfInItsSelfAssessmentAndTheSupervisorDownloadsItFromTheReview() throws Exception {
    String code = "ATT-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, "校舍安全改造项目", "qijiang", "qijiang-education", ItemType.GENERAL_POLICY,
        new BigDecimal("6000000"), true), callers.of("qijiang-edu"));
    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(selfAssessment.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_SELF_ASSESS);
    taskService.claim(selfAssessment.getId(), "qijiang-edu");
    Path pdf = Files.createTempDirectory("jixiao-upload").resolve("可行性研究报告.pdf");
    Files.write(pdf, EvidenceApiTest.PDF);

    login("qijiang-edu");
    formName = "selfAssessment";
    openTask(selfAssessment.getId());
    waitFor("the project", () -> text().contains(code));
    waitFor("the attachment widget", () -> text().contains("佐证材料") && text().contains("暂无佐证材料"));
    find("form[name=selfAssessment] input.jixiao-attachment-file").sendKeys(pdf.toAbsolutePath().toString());
    find("form[name=selfAssessment] button.jixiao-attachment-upload").click();
    waitFor("the uploaded file in the list", () -> attachmentLinks().stream()
        .anyMatch(a -> a.getText().equals("可行性研究报告.pdf")));
    assertThat(text()).contains("已上传：可行性研究报告.pdf");
    screenshot("attachment-upload");
    for (WebElement score : browser.findElements(By.cssSelector("form[name=selfAssessment] input[type=number]"))) {
      score.sendKeys("85");
    }
    find("form[name=selfAssessment] textarea[cam-variable-name=assessmentConclusion]").sendKeys("立项必要，附可行性研究报告");
    submitWhenEnabled();
    waitFor("the self-assessment to be completed",
        () -> taskService.createTaskQuery().taskId(selfAssessment.getId()).count() == 0);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    taskService.claim(review.getId(), "qijiang-supervisor");

    login("qijiang-supervisor");
    formName = "reviewApplication";
    openTask(review.getId());
    waitFor("the file in the review", () -> attachmentLinks().stream()
        .anyMatch(a -> a.getText().equals("可行性研究报告.pdf")));
    assertThat(browser.findElements(By.cssSelector("form[name=reviewApplication] input.jixiao-attachment-file")))
        .as("a reviewer's form lists, it does not upload").isEmpty();
    assertThat(text()).contains("事前绩效评估", "可行性研究报告.pdf");
    screenshot("attachment-review");
    String href = attachmentLinks().get(0).getAttribute("href");
    // what the link serves with the supervisor's Tasklist login: the bytes as uploaded, as a PDF
    Object downloaded = ((JavascriptExecutor) browser).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) {"
            + "  return r.arrayBuffer().then(function (b) {"
            + "    done(r.status + ' ' + r.headers.get('content-type') + ' ' + Array.from(new Uint8Array(b)).join(','));"
            + "  });"
            + "}).catch(function (e) { done('failed ' + e); });", href);
    StringBuilder expected = new StringBuilder();
    for (byte b : EvidenceApiTest.PDF) {
      expected.append(expected.length() == 0 ? "" : ",").append(b & 0xFF);
    }
    assertThat(String.valueOf(downloaded)).isEqualTo("200 application/pdf " + expected);
  }

  private List<WebElement> attachmentLinks() {
    return browser.findElements(By.cssSelector("form[name=" + formName + "] a.jixiao-attachment-link"));
  }

  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.manage().deleteAllCookies();
    for (int attempt = 1; attempt < 3; attempt++) {
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      if (appears(Duration.ofSeconds(25), () -> !browser.findElements(By.cssSelector("input[type=password]")).isEmpty())) {
        break;
      }
    }
    waitFor("the login form", () -> !browser.findElements(By.cssSelector("input[type=password]")).isEmpty());
    waitFor("the login form to take the credentials", () -> {
      WebElement name = browser.findElement(By.cssSelector("input[type=text]"));
      WebElement password = browser.findElement(By.cssSelector("input[type=password]"));
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys("demo");
      return user.equals(name.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"));
    });
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor("Tasklist", () -> browser.findElements(By.cssSelector("input[type=password]")).isEmpty());
  }

  private void openTask(String taskId) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    waitFor("the form", () -> !browser.findElements(By.cssSelector("form[name=" + formName + "] h3")).isEmpty());
  }

  private void submitWhenEnabled() {
    WebElement submit = browser.findElements(By.cssSelector("button")).stream()
        .filter(b -> b.getText().strip().equals("提交")).findFirst().orElseThrow(() -> new AssertionError("no submit button"));
    waitFor("the submit button to be enabled", submit::isEnabled);
    submit.click();
  }

  private String text() {
    return find("form[name=" + formName + "]").getText();
  }

  private WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  private void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static boolean appears(Duration within, Supplier<Boolean> condition) {
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

  private void waitFor(String what, Supplier<Boolean> condition) {
    if (appears(Duration.ofSeconds(60), condition)) {
      return;
    }
    try {
      screenshot("attachment-timed-out");
    } catch (IOException | RuntimeException e) {
      // the screenshot only helps to see why
    }
    String page;
    try {
      page = browser.findElement(By.tagName("body")).getText();
    } catch (RuntimeException e) {
      page = "(page unreadable: " + e.getMessage() + ")";
    }
    throw new AssertionError("timed out waiting for " + what + ": " + page.substring(0, Math.min(800, page.length())));
  }
}
