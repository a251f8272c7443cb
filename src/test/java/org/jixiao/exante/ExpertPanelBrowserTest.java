package org.jixiao.exante;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistBrowser;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 独立论证 in a real browser: finance's 财政再评估 form shows the district's expert pool with the applying
 * department's expert standing aside, finance names five experts, and each finds their own seat of 专家论证
 * in 我的待办 with the project and the earlier opinions. Skipped without Chromium and its driver.
 */
@PlatformTest
class ExpertPanelBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired Applications applications;

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
  void financeNamesThePanelInItsFormAndEachExpertGetsTheirOwnSeat() throws IOException {
    Task review = applications.awaitingReview("专家组表单项目");
    taskService.complete(review.getId(), Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE"));
    Task reassess = taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
    assertThat(reassess.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REASSESS);
    taskService.claim(reassess.getId(), "qijiang-perf");

    browser.login("qijiang-perf");
    browser.openTask(reassess.getId(), "reassessment");
    browser.find("form[name=reassessment] input[cam-variable-name=expertPanelRequested]").click();
    browser.find("form[name=reassessment] select[name=expertPanelMode]")
        .findElement(By.cssSelector("option[value=CHOOSE]")).click();
    browser.waitFor("the expert pool", () -> experts().size() == 9);
    WebElement standsAside = expert("qijiang-expert1");
    assertThat(standsAside.isEnabled()).as("the applying department's expert").isFalse();
    assertThat(standsAside.findElement(By.xpath("..")).getText()).contains("须回避");
    for (String id : List.of("qijiang-expert3", "qijiang-expert4", "qijiang-expert5", "qijiang-expert6", "qijiang-expert7")) {
      expert(id).click();
    }
    assertThat(text()).contains("已选择 5 位");
    browser.find("form[name=reassessment] select[name=decision]")
        .findElement(By.xpath("option[normalize-space()='通过']")).click();
    browser.find("form[name=reassessment] textarea[name=comment]").sendKeys("请专家组论证");
    browser.screenshot("expert-panel-choose");
    browser.submitWhenEnabled();
    browser.waitFor("the panel's seats", () -> taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId())
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).count() == 5);
    assertThat(taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId())
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).list()).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("qijiang-expert3", "qijiang-expert4", "qijiang-expert5", "qijiang-expert6",
            "qijiang-expert7");

    Task seat = taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId())
        .taskAssignee("qijiang-expert5").singleResult();
    browser.login("qijiang-expert5");
    browser.waitFor("the seat in 我的待办", () -> browser.driver().getPageSource().contains("专家论证"));
    browser.openTask(seat.getId(), "expertOpinion");
    browser.waitFor("the earlier opinions", () -> browser.find("form[name=expertOpinion]").getText().contains("财政再评估"));
    assertThat(browser.find("form[name=expertOpinion]").getText()).contains("专家组表单项目", "主管部门审核", "本席位只属于您");
    browser.screenshot("expert-panel-seat");
  }

  private List<WebElement> experts() {
    return browser.findAll("form[name=reassessment] input[type=checkbox][ng-model^='panel.chosen']");
  }

  private WebElement expert(String userId) {
    return experts().stream().filter(e -> e.findElement(By.xpath("..")).getText().contains(userId)).findFirst()
        .orElseThrow(() -> new AssertionError("no checkbox for " + userId));
  }

  private String text() {
    return browser.find("form[name=reassessment]").getText();
  }
}
