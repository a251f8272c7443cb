package org.jixiao.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistBrowser;
import org.jixiao.exante.ExAnteProcess;
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
 * Tasklist as the workplace, in a real browser (the system's Chromium, headless): a unit applies from 发起流程 →
 * 项目申报 (a bad amount gets the API's message beside the field, then the code and where it went); the supervising
 * department lands on a filter with work, finds the card by the project's name, sees name, department and amount on
 * it with the absolute due date, the district's name instead of the tenant id, gets a refusal as one Chinese
 * sentence, approves, and is told where the item went; no end-of-life banner for either, a notice for the
 * administrator. Skipped without Chromium and its driver. Screenshots go to target/screenshots.
 */
@PlatformTest
class ApplyFromTasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired ProjectService projects;

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
  void aUnitAppliesFromTasklistAndTheSupervisorFindsTheCardAndApprovesIt() throws IOException {
    String code = "QJ-TL-" + System.nanoTime();
    String name = "乡村学校少年宫建设" + (System.nanoTime() % 10000);

    login("qijiang-edu");
    assertNoBanner();
    clickText("发起流程");
    By apply = By.xpath("//div[contains(@class,'modal')]//a[contains(.,'项目申报')]");
    waitFor("项目申报 among the processes one may start", () -> !browser.findElements(apply).isEmpty());
    assertThat(browser.findElement(By.xpath("//div[contains(@class,'modal')]//li[a[contains(.,'项目申报')]]")).getText())
        .as("the district's name, not its tenant id").contains("綦江区").doesNotContain("qijiang");
    browser.findElement(apply).click();
    waitFor("the application form", () -> !browser.findElements(By.cssSelector("form[name=applyProject] h3")).isEmpty());
    waitFor("the department preset", () -> selected("apply-department").equals("綦江区教育局本级"));
    waitFor("the district's thresholds", () -> find("#apply-thresholds").getText().contains("普惠性政策金额大于等于500万元（綦江区）"));

    find("#apply-code").sendKeys(code);
    find("#apply-name").sendKeys(name);
    choose("apply-item-type", "普惠性政策");
    find("#apply-amount").sendKeys("0");
    find("form[name=applyProject] input[name=newSpending][value=true]").click();
    startButton().click();
    waitFor("the API's message beside the amount", () -> !browser.findElements(By.id("apply-amount-error")).isEmpty());
    assertThat(find("#apply-amount-error").getText()).isEqualTo("申报金额必须大于 0 元");
    assertThat(projects.exists(code)).isFalse();
    screenshot("apply-bad-amount");

    find("#apply-amount").clear();
    find("#apply-amount").sendKeys("6000000");
    startButton().click();
    waitFor("the created project's code", () -> !browser.findElements(By.id("apply-created-code")).isEmpty());
    assertThat(find("#apply-created-code").getText()).isEqualTo(code);
    waitFor("where it went", () -> find("#apply-next").getText().startsWith("已提交，下一步："));
    assertThat(find("#apply-next").getText()).isEqualTo("已提交，下一步：事前绩效评估 · 开展部门自评估（綦江区教育局本级）");
    assertThat(projects.exists(code)).isTrue();
    // the application's 佐证材料, right after it is registered
    java.nio.file.Path pdf = java.nio.file.Files.createTempDirectory("jixiao-apply").resolve("立项依据.pdf");
    java.nio.file.Files.write(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    waitFor("the attachment widget", () -> find("form[name=applyProject]").getText().contains("暂无佐证材料"));
    find("form[name=applyProject] input.jixiao-attachment-file").sendKeys(pdf.toAbsolutePath().toString());
    find("form[name=applyProject] button.jixiao-attachment-upload").click();
    waitFor("the uploaded file in the list", () -> browser.findElements(
        By.cssSelector("form[name=applyProject] a.jixiao-attachment-link")).stream().anyMatch(a -> a.getText().equals("立项依据.pdf")));
    screenshot("apply-created");

    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(selfAssessment.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_SELF_ASSESS);
    taskService.complete(selfAssessment.getId(), Map.of("scoreNecessity", 90, "scoreEconomy", 80,
        "scoreGoalReasonableness", 80, "scoreFeasibility", 80, "scoreFinancingCompliance", 90,
        ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "可行"));
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);

    login("qijiang-supervisor");
    assertNoBanner();
    waitFor("the landing filter", () -> !browser.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter.active")).isEmpty());
    assertThat(find("[cam-tasklist-filters] .task-filter.active").getText()).contains("本科室待办");
    waitFor("cards in the landing filter", () -> !cards().isEmpty());
    assertThat(text()).contains("我已办理", "我发起的", "我的待办", "即将到期", "已逾期");

    find("#jixiao-search").sendKeys(name);
    find(".jixiao-search button[type=submit]").click();
    waitFor("only the project's card", () -> cards().size() == 1 && cards().get(0).getAttribute("textContent").contains(name));
    WebElement card = cards().get(0);
    String cardText = card.getAttribute("textContent");
    assertThat(cardText).contains(review.getName(), name, "綦江区教育局", "6,000,000.00", code,
        "事前绩效评估");
    if (review.getDueDate() != null) {
      waitFor("the absolute due date on the card", () -> !cards().get(0).findElements(By.cssSelector(".jixiao-absolute-date")).isEmpty());
      assertThat(cards().get(0).findElement(By.cssSelector(".jixiao-absolute-date")).getText()).matches("（\\d{4}年.*\\d\\d:\\d\\d）");
    }
    screenshot("supervisor-card");

    taskService.claim(review.getId(), "qijiang-supervisor");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    waitFor("the review form", () -> !browser.findElements(By.cssSelector("form[name=reviewApplication] h3")).isEmpty());
    waitFor("the district's name in the task view", () -> find(".task-card .tenant-id").getText().equals("綦江区"));

    // a refusal by the server (a decision value the task does not accept) reads as one Chinese sentence
    find("form[name=reviewApplication] select[name=decision]").findElement(By.xpath("option[normalize-space()='通过']")).click();
    ((JavascriptExecutor) browser).executeScript("var s = angular.element(document.querySelector('form[name=reviewApplication] "
        + "select[name=decision]')).scope(); s.decided.decision = 'MAYBE'; s.$apply();");
    submitButton().click();
    waitFor("Tasklist's error notice", () -> browser.findElements(By.cssSelector(".notifications .alert, [cam-notifications] .alert"))
        .stream().anyMatch(a -> a.getText().contains("reviewDecision")));
    String refusal = browser.findElements(By.cssSelector(".notifications .alert, [cam-notifications] .alert")).stream()
        .map(WebElement::getText).filter(t -> t.contains("reviewDecision")).findFirst().orElseThrow();
    screenshot("refusal");
    assertThat(refusal).contains("变量 reviewDecision 的取值无效：应为以下之一：").doesNotContain("ENGINE-", "Cannot submit",
        "Exception", "TaskListener");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();

    find("form[name=reviewApplication] select[name=decision]").findElement(By.xpath("option[normalize-space()='通过']")).click();
    find("form[name=reviewApplication] textarea[name=comment]").sendKeys("同意报财政局再评估");
    submitButton().click();
    waitFor("the review to be completed", () -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
    waitFor("where the item went", () -> !browser.findElements(By.cssSelector(".jixiao-notice")).isEmpty());
    assertThat(find(".jixiao-notice").getText()).contains("已提交，下一步：事前绩效评估 · ");
    screenshot("supervisor-submitted");

    find("#jixiao-completed").click();
    waitFor("我已办理", () -> !browser.findElements(By.cssSelector(".jixiao-overlay td")).isEmpty());
    assertThat(find(".jixiao-overlay").getText()).contains(review.getName(), code, name);
    screenshot("completed-tasks");
  }

  @Test
  void anAdministratorSeesTheNoticeInsteadOfTheBanner() throws IOException {
    login("demo"); // the demo profile's administrator
    waitFor("the notice", () -> browser.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed));
    assertThat(find(".ce-eol-banner").getText()).startsWith("管理员提示：").contains("Operaton", "CIB seven")
        .doesNotContain("Camunda 8");
    screenshot("administrator-notice");
  }

  private void assertNoBanner() {
    waitFor("Tasklist's header", () -> !browser.findElements(By.cssSelector(".navbar-header, [cam-widget-header]")).isEmpty());
    waitFor("the banner's place in the header", () -> !browser.findElements(By.cssSelector(".ce-eol-banner")).isEmpty());
    sleepFor(Duration.ofSeconds(3)); // the notice script has asked who is logged in
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
        .as("no end-of-life banner for a reviewer").isTrue();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8", "迁移到 Camunda");
  }

  private List<WebElement> cards() {
    return browser.findElements(By.cssSelector("ol.tasks-list > li.task"));
  }

  private String selected(String id) {
    WebElement select = find("#" + id);
    return select.findElements(By.cssSelector("option")).stream().filter(WebElement::isSelected).map(WebElement::getText)
        .findFirst().orElse("").strip();
  }

  private void choose(String id, String label) {
    find("#" + id).findElement(By.xpath("option[normalize-space()='" + label + "']")).click();
  }

  private WebElement startButton() {
    return browser.findElements(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='发起']")).get(0);
  }

  private WebElement submitButton() {
    return browser.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().strip().equals("提交"))
        .findFirst().orElseThrow(() -> new AssertionError("no submit button"));
  }

  private void login(String user) {
    login(user, "demo");
  }

  private void login(String user, String secret) {
    tasklist.login(user, secret);
  }

  private void clickText(String label) {
    Supplier<java.util.Optional<WebElement>> link = () -> browser.findElements(By.cssSelector("a, button")).stream()
        .filter(b -> b.getText().strip().equals(label)).findFirst();
    waitFor(label, () -> link.get().isPresent());
    link.get().orElseThrow().click();
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private WebElement find(String css) {
    return tasklist.find(css);
  }

  private void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    tasklist.screenshot("tasklist-" + name);
  }

  private void waitFor(String what, Supplier<Boolean> condition) {
    tasklist.waitFor(what, condition);
  }

  private static void sleepFor(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
