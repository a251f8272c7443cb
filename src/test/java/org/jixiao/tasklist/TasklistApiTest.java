package org.jixiao.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistSession;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What Tasklist's scripts and the 项目申报 form read and do through the application: who the user is, the district's
 * ex-ante thresholds, the application through the Tasklist session (with the CSRF token), the display variables on
 * the stage instances and their protection, the refusal of a direct start of the lifecycle, where an item went, and
 * the user's history lists and filters.
 */
@PlatformTest
class TasklistApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  @Test
  void meNamesTheUsersDistrictsDepartmentsAndRoles() throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("qijiang-edu", "demo").getForEntity("/api/me", String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode me = JSON.readTree(response.getBody());
    assertThat(me.get("userId").asText()).isEqualTo("qijiang-edu");
    assertThat(me.get("districts").toString()).isEqualTo("[{\"id\":\"qijiang\",\"name\":\"綦江区\"}]");
    assertThat(me.get("departments").toString()).isEqualTo("[{\"id\":\"qijiang-education\",\"name\":\"綦江区教育局本级\"}]");
    assertThat(me.get("roles").toString()).contains("{\"id\":\"budgetUnit\",\"name\":\"预算单位\"}");
    assertThat(me.get("administrator").asBoolean()).isFalse();
    assertThat(http.getForEntity("/api/me", String.class).getStatusCode().value()).as("without a login").isEqualTo(401);
  }

  @Test
  void theThresholdsOfTheUsersDistrictComeFromItsRuleTableAnotherDistrictIs404() throws Exception {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    ResponseEntity<String> own = unit.getForEntity("/api/districts/qijiang/ex-ante-rules", String.class);

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    JsonNode rules = JSON.readTree(own.getBody());
    assertThat(rules.get("districtName").asText()).isEqualTo("綦江区");
    assertThat(rules.get("rules").findValuesAsText("basis")).contains("普惠性政策金额大于等于500万元（綦江区）",
        "专项政策金额大于等于300万元（綦江区）");
    assertThat(rules.get("rules").get(0).get("assessed").asBoolean()).isTrue();

    ResponseEntity<String> other = unit.getForEntity("/api/districts/enyang/ex-ante-rules", String.class);
    ResponseEntity<String> missing = unit.getForEntity("/api/districts/nowhere/ex-ante-rules", String.class);
    assertThat(other.getStatusCode().value()).isEqualTo(404);
    assertThat(JSON.readTree(other.getBody()).get("message").asText()).isEqualTo("辖区不存在：enyang");
    assertThat(JSON.readTree(missing.getBody()).get("message").asText()).isEqualTo("辖区不存在：nowhere");
  }

  @Test
  void theTasklistSessionAppliesWithItsCsrfTokenOnlyAndTheFieldErrorsAreTheApis() throws Exception {
    TasklistSession unit = TasklistSession.login(http, "qijiang-edu", "demo");
    String code = "TL-" + System.nanoTime();

    ResponseEntity<String> bad = unit.post("/api/projects", application(code, "0"));
    assertThat(bad.getStatusCode().value()).as(bad.getBody()).isEqualTo(400);
    assertThat(JSON.readTree(bad.getBody()).get("fieldErrors").toString())
        .contains("{\"field\":\"amount\",\"message\":\"申报金额必须大于 0 元\"}");
    assertThat(projects.exists(code)).isFalse();

    ResponseEntity<String> created = unit.post("/api/projects", application(code, "6000000.50"));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(JSON.readTree(created.getBody()).get("code").asText()).isEqualTo(code);
    assertThat(JSON.readTree(created.getBody()).get("amount").decimalValue()).isEqualByComparingTo("6000000.50");

    // the same session without the token (another site's form posting with the cookie): as without a login
    String other = "TL-" + System.nanoTime();
    ResponseEntity<String> forged = postWithCookieOnly(unit, other);
    assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(401);
    assertThat(projects.exists(other)).isFalse();
  }

  @Test
  void everyStageInstanceCarriesTheDisplayVariablesAndNoUserMayWriteThem() throws Exception {
    String code = apply("义务教育营养改善计划", "6000000");
    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ExAnteProcess.KEY).singleResult();
    Map<String, Object> variables = runtimeService.getVariables(selfAssessment.getProcessInstanceId());
    assertThat(variables).containsEntry(ProjectService.VAR_PROJECT_NAME, "义务教育营养改善计划")
        .containsEntry(ProjectService.VAR_DEPARTMENT_NAME, "綦江区教育局本级")
        .containsEntry(ProjectService.VAR_APPLY_AMOUNT, "6,000,000.00")
        .containsEntry(ProjectService.VAR_STAGE_NAME, "事前绩效评估");

    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    taskService.claim(selfAssessment.getId(), "qijiang-edu");
    ResponseEntity<String> complete = unit.postForEntity("/engine-rest/task/" + selfAssessment.getId() + "/complete",
        json("{\"variables\": {\"projectName\": {\"value\": \"别的项目\"}}}"), String.class);
    assertThat(complete.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(complete.getBody()).get("message").asText()).startsWith("不能提交变量 projectName：");
    ResponseEntity<String> write = unit.exchange("/engine-rest/process-instance/" + selfAssessment.getProcessInstanceId()
        + "/variables/applyAmount", HttpMethod.PUT, json("{\"value\": \"1.00\"}"), String.class);
    assertThat(write.getStatusCode().value()).as(write.getBody()).isEqualTo(400);
    assertThat(JSON.readTree(write.getBody()).get("message").asText()).startsWith("不能修改流程变量 applyAmount");
    assertThat(runtimeService.getVariables(selfAssessment.getProcessInstanceId()))
        .containsEntry(ProjectService.VAR_PROJECT_NAME, "义务教育营养改善计划").containsEntry(ProjectService.VAR_APPLY_AMOUNT, "6,000,000.00");
    assertThat(taskService.createTaskQuery().taskId(selfAssessment.getId()).count()).isOne();
  }

  @Test
  void theLifecycleNeverStartsDirectlyOnlyThroughTheApplication() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_ProjectYear").count();
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    String definition = "/engine-rest/process-definition/key/Process_ProjectYear/tenant-id/qijiang";
    // by key alone the engine finds one definition per district and answers 404 before anything starts
    ResponseEntity<String> byKey = unit.postForEntity("/engine-rest/process-definition/key/Process_ProjectYear/start",
        json("{}"), String.class);
    assertThat(byKey.getStatusCode().value()).as(byKey.getBody()).isIn(403, 404);
    for (String path : List.of(definition + "/start", definition + "/submit-form")) {
      ResponseEntity<String> started = unit.postForEntity(path, json("{}"), String.class);
      assertThat(started.getStatusCode().value()).as("%s: %s", path, started.getBody()).isEqualTo(403);
      assertThat(JSON.readTree(started.getBody()).get("message").asText())
          .isEqualTo("本流程不能直接发起，请通过“发起流程 → 项目申报”表单（项目库登记申报后自动启动）提交");
    }
    ResponseEntity<String> admin = http.withBasicAuth("demo", "demo").postForEntity(definition + "/start", json("{}"), String.class);
    assertThat(admin.getStatusCode().value()).as("not even an administrator: %s", admin.getBody()).isEqualTo(403);

    TasklistSession session = TasklistSession.login(http, "qijiang-edu", "demo");
    String id = JSON.readTree(session.get("/camunda/api/engine/engine/default/process-definition/key/Process_ProjectYear/tenant-id/qijiang")
        .getBody()).get("id").asText();
    ResponseEntity<String> tasklist = session.post("/camunda/api/engine/engine/default/process-definition/" + id + "/submit-form",
        "{\"variables\": {}}");
    assertThat(tasklist.getStatusCode().value()).as(tasklist.getBody()).isEqualTo(403);
    assertThat(JSON.readTree(tasklist.getBody()).get("message").asText()).startsWith("本流程不能直接发起");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_ProjectYear").count()).isEqualTo(before);
  }

  @Test
  void afterSubmittingTheUserSeesWhereTheItemWentAndFindsItInTheirHistory() throws Exception {
    String code = apply("学校饮水设施改造", "6000000");
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    JsonNode applied = JSON.readTree(unit.getForEntity("/api/tasklist/next-steps?projectCode=" + code, String.class).getBody());
    assertThat(applied.get("message").asText()).isEqualTo("已提交，下一步：事前绩效评估 · 开展部门自评估（綦江区教育局本级）");

    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    ResponseEntity<String> early = unit.getForEntity("/api/tasklist/next-steps?taskId=" + selfAssessment.getId(), String.class);
    assertThat(early.getStatusCode().value()).as("not (yet) the caller's task").isEqualTo(404);
    assertThat(JSON.readTree(early.getBody()).get("message").asText()).isEqualTo("事项不存在");

    taskService.claim(selfAssessment.getId(), "qijiang-edu");
    taskService.complete(selfAssessment.getId(), Map.of("scoreNecessity", 90, "scoreEconomy", 80,
        "scoreGoalReasonableness", 80, "scoreFeasibility", 80, "scoreFinancingCompliance", 90,
        ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "可行"));
    ResponseEntity<String> next = unit.getForEntity("/api/tasklist/next-steps?taskId=" + selfAssessment.getId(), String.class);
    assertThat(next.getStatusCode().value()).isEqualTo(200);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    String reviewers = taskService.getIdentityLinksForTask(review.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> identityService.createGroupQuery().groupId(l.getGroupId()).singleResult().getName()).findFirst().orElseThrow();
    assertThat(JSON.readTree(next.getBody()).get("message").asText())
        .isEqualTo("已提交，下一步：事前绩效评估 · " + review.getName() + "（" + reviewers + "）");
    ResponseEntity<String> stranger = http.withBasicAuth("qijiang-supervisor", "demo")
        .getForEntity("/api/tasklist/next-steps?taskId=" + selfAssessment.getId(), String.class);
    assertThat(stranger.getStatusCode().value()).isEqualTo(404);
    ResponseEntity<String> otherDistrict = http.withBasicAuth("enyang-edu", "demo")
        .getForEntity("/api/tasklist/next-steps?projectCode=" + code, String.class);
    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(404);
    assertThat(JSON.readTree(otherDistrict.getBody()).get("message").asText()).isEqualTo("项目不存在：" + code);

    JsonNode done = JSON.readTree(unit.getForEntity("/api/me/completed-tasks", String.class).getBody());
    JsonNode mine = null;
    for (JsonNode t : done) {
      if (t.get("taskId").asText().equals(selfAssessment.getId())) {
        mine = t;
      }
    }
    assertThat(mine).as("the completed self-assessment among 我已办理: %s", done).isNotNull();
    assertThat(mine.get("name").asText()).isEqualTo("开展部门自评估");
    assertThat(mine.get("projectCode").asText()).isEqualTo(code);
    assertThat(mine.get("projectName").asText()).isEqualTo("学校饮水设施改造");
    assertThat(mine.get("districtName").asText()).isEqualTo("綦江区");
    JsonNode applications = JSON.readTree(unit.getForEntity("/api/me/applications", String.class).getBody());
    assertThat(applications.findValuesAsText("code")).contains(code);
    assertThat(JSON.readTree(http.withBasicAuth("qijiang-supervisor", "demo").getForEntity("/api/me/applications", String.class)
        .getBody()).findValuesAsText("code")).doesNotContain(code);
  }

  @Test
  void theLandingFilterHoldsTheReviewersWorkAndTheDueFiltersTheirDueItems() throws Exception {
    String soon = apply("校舍维修（即将到期）", "6000000");
    String late = apply("校舍维修（已逾期）", "6000000");
    Task dueSoon = taskService.createTaskQuery().processInstanceBusinessKey(soon).singleResult();
    Task overdue = taskService.createTaskQuery().processInstanceBusinessKey(late).singleResult();
    taskService.setDueDate(dueSoon.getId(), new Date(System.currentTimeMillis() + 2L * 24 * 3600 * 1000));
    taskService.setDueDate(overdue.getId(), new Date(System.currentTimeMillis() - 3600 * 1000));

    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    JsonNode filters = JSON.readTree(unit.getForEntity("/engine-rest/filter?resourceType=Task&itemCount=true&sortBy=name&sortOrder=asc",
        String.class).getBody());
    JsonNode first = null;
    for (JsonNode f : filters) {
      if (first == null || f.get("properties").get("priority").asInt() < first.get("properties").get("priority").asInt()) {
        first = f;
      }
    }
    assertThat(first.get("name").asText()).isEqualTo("本科室待办");
    assertThat(first.get("itemCount").asInt()).isPositive();
    assertThat(filters.findValuesAsText("name")).contains("我的待办", "即将到期", "已逾期", "全部可见事项");
    assertThat(tasksOf(unit, filters, "即将到期")).contains(dueSoon.getId()).doesNotContain(overdue.getId());
    assertThat(tasksOf(unit, filters, "已逾期")).contains(overdue.getId()).doesNotContain(dueSoon.getId());
  }

  private List<String> tasksOf(TestRestTemplate user, JsonNode filters, String name) throws Exception {
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals(name)) {
        JsonNode tasks = JSON.readTree(user.getForEntity("/engine-rest/filter/" + f.get("id").asText() + "/list?maxResults=1000",
            String.class).getBody());
        return tasks.findValuesAsText("id");
      }
    }
    throw new AssertionError("no filter " + name);
  }

  private String apply(String name, String amount) {
    String code = "TL-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, name, "qijiang", "qijiang-education", ItemType.GENERAL_POLICY,
        new BigDecimal(amount), true), callers.of("qijiang-edu"));
    return code;
  }

  private static String application(String code, String amount) {
    return "{\"code\": \"" + code + "\", \"name\": \"乡村学校少年宫建设\", \"district\": \"qijiang\", \"department\": "
        + "\"qijiang-education\", \"itemType\": \"GENERAL_POLICY\", \"budgetStage\": \"ANNUAL\", \"amount\": \"" + amount
        + "\", \"newSpending\": true, \"fundSource\": \"GENERAL_PUBLIC_BUDGET\", \"periodYears\": 1}";
  }

  private ResponseEntity<String> postWithCookieOnly(TasklistSession session, String code) {
    ResponseEntity<String> page = session.get("/camunda/api/admin/auth/user/default");
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add(HttpHeaders.COOKIE, session.cookies());
    return http.exchange("/api/projects", HttpMethod.POST, new HttpEntity<>(application(code, "100"), headers), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
