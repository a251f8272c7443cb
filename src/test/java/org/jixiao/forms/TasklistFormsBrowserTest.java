package org.jixiao.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistBrowser;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.goal.Goals;
import org.jixiao.identity.CallerLookup;
import org.jixiao.monitoring.MonitoredProjects;
import org.jixiao.monitoring.MonitoringProcess;
import org.jixiao.monitoring.MonitoringQueries;
import org.jixiao.monitoring.MonitoringView;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's forms in a real browser (the system's Chromium, headless): the shared task context, the goal
 * summary with the opinion list and the decision block are put together by Tasklist's Angular, so only a
 * browser shows that they render and that the decision reaches the engine. Skipped without Chromium and its
 * driver ({@code apt-get install chromium chromium-driver}). Screenshots go to target/screenshots.
 */
@PlatformTest
class TasklistFormsBrowserTest {

  @LocalServerPort int port;
  @Autowired Goals fixture;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  @Autowired ProcessEngine engine;
  @Autowired MonitoringQueries monitoringQueries;

  TasklistBrowser tasklist;
  WebDriver browser;
  String formName;

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
  void theSupervisorsReviewShowsTheGoalsTheOpinionsAndTheDecisionAndHandsTheDecisionOver() throws IOException {
    String code = fixture.listedProject("qijiang");
    fixture.submit(code, goals());
    Task review = fixture.task(code);
    taskService.claim(review.getId(), "qijiang-supervisor");

    login("qijiang-supervisor");
    formName = "reviewGoals";
    openTask(review.getId());
    waitFor("the goal set", () -> text().contains(code));
    waitFor("the opinion list", () -> !opinionRows().isEmpty());
    screenshot("review-goals");

    assertThat(find("form[name=reviewGoals] h3").getText()).contains("主管部门初审");
    assertThat(text()).contains("最新报送的绩效目标", "历次意见", "本环节意见", "审核结论", "审核意见");
    assertThat(opinionRows()).hasSize(1);
    assertThat(opinionRows().get(0).getText()).contains("编制绩效目标");
    List<WebElement> decisions = browser.findElements(By.cssSelector("form[name=reviewGoals] input[type=radio][name=decision]"));
    assertThat(decisions).hasSize(2);
    assertThat(find("form[name=reviewGoals] textarea[name=comment]").getAttribute("placeholder")).contains("退回修改时必须写明");

    WebElement submit = submitButton();
    assertThat(submit.isEnabled()).as("no decision yet").isFalse();
    decisions.get(0).click();
    waitFor("the submit button to be enabled", submit::isEnabled);
    submit.click();
    waitFor("the review to be completed", () -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
    Task next = fixture.task(code);
    assertThat(next.getTaskDefinitionKey()).isEqualTo(GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
  }

  @Test
  void theUnitsGoalEditorShowsTheReturnTheOpinionsAndTheIndicatorTree() throws IOException {
    String code = fixture.listedProject("qijiang");
    fixture.submit(code, goals());
    fixture.decide(code, "RETURN");
    Task revise = fixture.task(code);
    assertThat(revise.getTaskDefinitionKey()).isEqualTo(GoalReviewProcess.TASK_REVISE_GOALS);
    taskService.claim(revise.getId(), "qijiang-edu");

    login("qijiang-edu");
    formName = "goalEditor";
    openTask(revise.getId());
    waitFor("the opinion list", () -> opinionRows().size() == 2);
    waitFor("the indicator rows", () -> !browser.findElements(By.cssSelector("form input[ng-model='row.name']")).isEmpty());
    screenshot("goal-editor");

    assertThat(find("form[name=goalEditor] h3").getText()).contains("修改绩效目标");
    assertThat(text()).contains("主管部门初审退回意见", "意见：RETURN", "修改后的绩效目标", "修改说明");
    assertThat(opinionRows().get(1).getText()).contains("退回修改");
    assertThat(browser.findElements(By.cssSelector("form input[ng-model='row.name']"))).hasSize(4);
  }

  @Test
  void theUnitAssessesItsProjectAndTheSupervisorPassesItOnToTheFinanceBureau() throws IOException {
    String code = "B-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, "义务教育薄弱学校改善", "qijiang", "qijiang-education", ItemType.GENERAL_POLICY,
        new BigDecimal("6000000"), true), callers.of("qijiang-edu"));
    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(selfAssessment.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_SELF_ASSESS);
    taskService.claim(selfAssessment.getId(), "qijiang-edu");

    login("qijiang-edu");
    formName = "selfAssessment";
    openTask(selfAssessment.getId());
    waitFor("the project", () -> text().contains(code));
    for (WebElement score : browser.findElements(By.cssSelector("form[name=selfAssessment] input[type=number]"))) {
      score.sendKeys("85");
    }
    find("form[name=selfAssessment] textarea[cam-variable-name=assessmentConclusion]").sendKeys("立项必要，方案可行");
    screenshot("self-assessment");
    submitWhenEnabled();
    waitFor("the self-assessment to be completed", () -> taskService.createTaskQuery().taskId(selfAssessment.getId()).count() == 0);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    taskService.claim(review.getId(), "qijiang-supervisor");

    login("qijiang-supervisor");
    formName = "reviewApplication";
    openTask(review.getId());
    waitFor("the self-assessment among the opinions", () -> opinionRows().size() == 1);
    find("form[name=reviewApplication] select[name=decision]").findElement(By.xpath("option[normalize-space()='通过']")).click();
    find("form[name=reviewApplication] textarea[name=comment]").sendKeys("同意报财政局再评估");
    screenshot("review-application");
    submitWhenEnabled();
    waitFor("the review to be completed", () -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
    Task next = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(next.getTaskDefinitionKey()).as("Qijiang re-assesses a general policy of 6 million").isEqualTo(ExAnteProcess.TASK_REASSESS);
  }

  @Test
  void theUnitAsksFromTheStartFormToAdjustItsApprovedGoals() throws IOException {
    String code = fixture.approved("qijiang");

    login("qijiang-edu");
    formName = "requestGoalAdjustment";
    clickText("发起流程");
    waitFor("the processes one may start", () -> !browser.findElements(By.xpath("//div[contains(@class,'modal')]//a[contains(.,'绩效目标调整')]")).isEmpty());
    browser.findElement(By.xpath("//div[contains(@class,'modal')]//a[contains(.,'绩效目标调整')]")).click();
    waitFor("the start form", () -> !browser.findElements(By.cssSelector("form[name=requestGoalAdjustment] h3")).isEmpty());
    By ownRow = By.xpath("//form[@name='requestGoalAdjustment']//tr[td[normalize-space()='" + code + "']]//input[@type='radio']");
    waitFor("the approved goal set", () -> !browser.findElements(ownRow).isEmpty());
    browser.findElement(ownRow).click();
    By targets = By.cssSelector("form[name=requestGoalAdjustment] input[ng-model='row.targetValue']");
    waitFor("the approved goals in the editor", () -> !browser.findElements(targets).isEmpty());
    WebElement target = browser.findElements(targets).get(0);
    target.clear();
    target.sendKeys("350");
    find("form[name=requestGoalAdjustment] textarea[cam-variable-name=adjustmentReason]").sendKeys("培训任务增加");
    screenshot("request-goal-adjustment");
    WebElement start = browser.findElements(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='发起']")).get(0);
    waitFor("the start button to be enabled", start::isEnabled);
    start.click();
    waitFor("the adjustment to be under review", () -> taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY).taskDefinitionKey(GoalReviewProcess.TASK_REVIEW_ADJUSTMENT).count() == 1);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY)
        .singleResult();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).singleResult()
        .getStartUserId()).isEqualTo("qijiang-edu");
  }

  @Test
  void theUnitReportsItsRoundRowByRowAndTheBudgetSectionDecidesTheRedLight() throws IOException {
    ProcessInstance monitoring = new MonitoredProjects(engine, projects, callers).monitored("qijiang", 2027);
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(monitoring.getId()).timers().singleResult().getId());
    Task report = monitoringTask(monitoring);
    assertThat(report.getTaskDefinitionKey()).isEqualTo(MonitoringProcess.TASK_REPORT_MONITORING);
    taskService.claim(report.getId(), "qijiang-edu");

    login("qijiang-edu");
    formName = "reportMonitoring";
    openTask(report.getId());
    By values = By.cssSelector("form[name=reportMonitoring] input[ng-model='r.valueToDate']");
    waitFor("the approved indicators as rows", () -> browser.findElements(values).size() == 3);
    assertThat(text()).contains("完成项目数", "按期完成率", "服务能力提升", "服务对象满意度", "序时进度");
    // 100,000 of 1,000,000 paid by 07-31 (58% of the year gone): far behind, a red light
    find("form[name=reportMonitoring] input[ng-model='entry.paidToDate']").sendKeys("100000");
    String[] progress = {"2", "20", "30"};
    for (int i = 0; i < progress.length; i++) {
      browser.findElements(values).get(i).sendKeys(progress[i]);
    }
    find("form[name=reportMonitoring] input[ng-model='r.valueText']").sendKeys("已完成选址");
    for (WebElement reason : browser.findElements(By.cssSelector("form[name=reportMonitoring] input[ng-model='r.deviationReason']"))) {
      reason.sendKeys("施工许可延后两个月");
    }
    find("form[name=reportMonitoring] textarea[ng-model='entry.deviationReasons']").sendKeys("施工许可延后，工程款未到支付节点");
    find("form[name=reportMonitoring] textarea[ng-model='entry.correctiveMeasures']").sendKeys("倒排工期，9 月底前完成主体招标");
    screenshot("report-monitoring");
    submitWhenEnabled();
    waitFor("the report to be handed in", () -> taskService.createTaskQuery().taskId(report.getId()).count() == 0);

    Task decision = monitoringTask(monitoring);
    assertThat(decision.getTaskDefinitionKey()).isEqualTo(MonitoringProcess.TASK_DECIDE_ON_RED_LIGHT);
    taskService.claim(decision.getId(), "qijiang-budget");
    login("qijiang-budget");
    formName = "decideRedLight";
    openTask(decision.getId());
    waitFor("the round and its light", () -> text().contains("预警 红灯") && text().contains("批复的绩效目标"));
    assertThat(text()).contains("批复的绩效目标", "已支付 100,000.00 元", "完成项目数", "施工许可延后两个月", "倒排工期");
    browser.findElements(By.cssSelector("form[name=decideRedLight] input[type=radio][name=decision]")).get(0).click();
    find("form[name=decideRedLight] input[ng-model='reclaim.amount']").sendKeys("200000");
    find("form[name=decideRedLight] textarea[name=comment]").sendKeys("收回 20 万元统筹用于急需领域");
    screenshot("decide-red-light");
    submitWhenEnabled();
    waitFor("the decision to be taken", () -> taskService.createTaskQuery().taskId(decision.getId()).count() == 0);

    String code = historyService.createHistoricProcessInstanceQuery().processInstanceId(monitoring.getId()).singleResult()
        .getBusinessKey();
    MonitoringView after = monitoringQueries.find(code.substring(0, code.lastIndexOf('-')), 2027, callers.of("qijiang-budget"));
    assertThat(after.reclaimedTotal()).isEqualByComparingTo("200000.00");
    assertThat(after.availableBudget()).isEqualByComparingTo("800000.00");
  }

  private Task monitoringTask(ProcessInstance monitoring) {
    return taskService.createTaskQuery().processInstanceId(monitoring.getId())
        .taskDefinitionKeyNotIn(MonitoringProcess.TASK_SUPERVISE_OVERDUE).singleResult();
  }

  private String goals() {
    return Goals.manyIndicators(4);
  }

  private void login(String user) {
    tasklist.login(user);
  }

  private void clickText(String label) {
    Supplier<java.util.Optional<WebElement>> link = () -> browser.findElements(By.cssSelector("a, button")).stream()
        .filter(b -> b.getText().strip().equals(label)).findFirst();
    waitFor(label, () -> link.get().isPresent());
    link.get().orElseThrow().click();
  }

  private void submitWhenEnabled() {
    tasklist.submitWhenEnabled();
  }

  private void openTask(String taskId) {
    tasklist.openTask(taskId, formName);
  }

  /** Tasklist's 提交 (complete) under the form. */
  private WebElement submitButton() {
    return browser.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().strip().equals("提交"))
        .findFirst().orElseThrow(() -> new AssertionError("no submit button"));
  }

  private List<WebElement> opinionRows() {
    return browser.findElements(By.xpath("//h4[normalize-space()='历次意见']/following-sibling::table[1]/tbody/tr"));
  }

  /** The text of the task's form (Tasklist has forms of its own on the page). */
  private String text() {
    return find("form[name=" + formName + "]").getText();
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
