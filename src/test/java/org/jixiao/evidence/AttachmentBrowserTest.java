package org.jixiao.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistBrowser;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 佐证材料 in a real browser (the system's Chromium, headless): the unit uploads a PDF in its self-assessment
 * form in Tasklist, the supervising department sees it in its review form and downloads the same bytes with
 * its Tasklist login. Skipped without Chromium and its driver. Screenshots go to target/screenshots.
 */
@PlatformTest
class AttachmentBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  TasklistBrowser browser;

  @BeforeEach
  void openBrowser() throws IOException {
    assumeTrue(TasklistBrowser.available(), "Chromium and chromedriver are not installed");
    browser = TasklistBrowser.open(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
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

    browser.login("qijiang-edu");
    browser.openTask(selfAssessment.getId(), "selfAssessment");
    browser.waitFor("the project", () -> text("selfAssessment").contains(code));
    browser.waitFor("the attachment widget", () -> text("selfAssessment").contains("暂无佐证材料"));
    browser.find("form[name=selfAssessment] input.jixiao-attachment-file").sendKeys(pdf.toAbsolutePath().toString());
    browser.find("form[name=selfAssessment] button.jixiao-attachment-upload").click();
    browser.waitFor("the uploaded file in the list", () -> links("selfAssessment").stream()
        .anyMatch(a -> a.getText().equals("可行性研究报告.pdf")));
    assertThat(text("selfAssessment")).contains("已上传：可行性研究报告.pdf", "事前绩效评估");
    browser.screenshot("attachment-upload");
    for (WebElement score : browser.findAll("form[name=selfAssessment] input[type=number]")) {
      score.sendKeys("85");
    }
    browser.find("form[name=selfAssessment] textarea[cam-variable-name=assessmentConclusion]").sendKeys("立项必要，附可行性研究报告");
    browser.submitWhenEnabled();
    browser.waitFor("the self-assessment to be completed",
        () -> taskService.createTaskQuery().taskId(selfAssessment.getId()).count() == 0);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    taskService.claim(review.getId(), "qijiang-supervisor");

    browser.login("qijiang-supervisor");
    browser.openTask(review.getId(), "reviewApplication");
    browser.waitFor("the file in the review", () -> links("reviewApplication").stream()
        .anyMatch(a -> a.getText().equals("可行性研究报告.pdf")));
    assertThat(browser.findAll("form[name=reviewApplication] input.jixiao-attachment-file"))
        .as("a reviewer's form lists, it does not upload").isEmpty();
    browser.screenshot("attachment-review");
    String href = links("reviewApplication").get(0).getAttribute("href");
    // what the link serves with the supervisor's Tasklist login: the bytes as uploaded, as a PDF
    Object downloaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
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

  private List<WebElement> links(String formName) {
    return browser.findAll("form[name=" + formName + "] a.jixiao-attachment-link");
  }

  private String text(String formName) {
    return browser.find("form[name=" + formName + "]").getText();
  }
}
