package org.jixiao.workplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The project library page in a real browser (the system's Chromium, headless): a finance user logged into
 * Tasklist opens the page without a second login, finds a project by name, opens it, reads the supervising
 * department's opinion, and opens the 审批单 (a PDF with the same session). Skipped without Chromium and its
 * driver. Screenshots go to target/screenshots.
 */
@PlatformTest
class ProjectLibraryBrowserTest {

  static final Path SCREENSHOTS = TasklistBrowser.SCREENSHOTS;

  @LocalServerPort int port;

  TasklistBrowser tasklist;
  WebDriver browser;

  @BeforeEach
  void openBrowser() throws IOException {
    assumeTrue(TasklistBrowser.available(), "Chromium and chromedriver are not installed");
    tasklist = TasklistBrowser.open(port);
    browser = tasklist.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void financeFindsAProjectByNameReadsTheOpinionAndOpensTheApprovalRecord() throws IOException {
    // before the login the page says where to log in
    browser.get(url("/jixiao/library/index.html"));
    waitFor("the login hint", () -> find("#error").isDisplayed() && find("#error").getText().contains("请先登录"));
    screenshot("library-0-not-logged-in");

    login("qijiang-perf");
    browser.get(url("/jixiao/library/index.html"));
    waitFor("the list", () -> find("#summary").getText().contains("共"));
    assertThat(find("#who").getText()).contains("财政局绩效科");
    WebElement q = find("input[name=q]");
    q.sendKeys("基层医疗");
    find("#filters button[type=submit]").click();
    waitFor("the project in the list", () -> rows().size() == 1 && rows().get(0).getText().contains("QIJIANG-2026-002"));
    assertThat(rows().get(0).getText()).contains("基层医疗卫生机构能力提升项目", "綦江区卫生健康委员会", "已退回修改", "32,000,000.00");
    screenshot("library-1-search");

    rows().get(0).findElement(By.linkText("基层医疗卫生机构能力提升项目")).click();
    waitFor("the project's page", () -> find("#project").isDisplayed());
    String page = find("#project").getText();
    assertThat(page).contains("QIJIANG-2026-002", "专项政策金额大于等于300万元", "绩效目标不够具体，请补充可量化的产出指标。",
        "主管部门", "退回修改", "应评未评");
    assertThat(browser.findElements(By.linkText("在 Cockpit 中查看流程"))).hasSize(1);
    screenshot("library-2-project");

    WebElement record = browser.findElement(By.partialLinkText("事前绩效评估审批单"));
    String href = record.getDomAttribute("href");
    assertThat(href).isEqualTo("/api/library/projects/QIJIANG-2026-002/approval-record/ex-ante.pdf");
    // the PDF with the page's own session, as a click opens it in a new tab (headless Chromium shows no PDF
    // viewer: the test reads it with PDFBox and renders its first page as the screenshot)
    String answer = (String) ((JavascriptExecutor) browser).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.blob().then("
            + "function (b) { var reader = new FileReader(); reader.onload = function () {"
            + "done(r.status + ' ' + r.headers.get('content-type') + ' ' + reader.result.split(',')[1]); };"
            + "reader.readAsDataURL(b); }); }).catch(function (e) { done('failed ' + e); });", href);
    String[] parts = answer.split(" ", 3);
    assertThat(parts[0] + " " + parts[1]).isEqualTo("200 application/pdf");
    try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(parts[2]))) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
          .contains("事前绩效评估审批单", "QIJIANG-2026-002", "绩效目标不够具体，请补充可量化的产出指标。", "主管部门");
      ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 80), "png",
          SCREENSHOTS.resolve("library-3-approval-record.png").toFile());
    }
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#list tbody tr")).stream()
        .filter(r -> !r.findElements(By.tagName("a")).isEmpty()).toList();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void login(String user) {
    tasklist.login(user);
  }

  private WebElement find(String css) {
    return tasklist.find(css);
  }

  private void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    tasklist.screenshot(name);
  }

  private void waitFor(String what, Supplier<Boolean> condition) {
    tasklist.waitFor(what, condition);
  }
}
