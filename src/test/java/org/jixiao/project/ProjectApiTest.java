package org.jixiao.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.lifecycle.ProjectYearProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** {@code /api/projects} over HTTP: status codes, bodies, and that a refusal changes nothing. */
@PlatformTest
class ProjectApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBudgetUnitAppliesAndGets201WithTheStoredProjectAndARunningProcess() {
    String code = code();
    ResponseEntity<JsonNode> response = post("qijiang-edu", application(code));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(response.getHeaders().getLocation()).hasPath("/api/projects/" + code);
    JsonNode body = response.getBody();
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(body.get("statusLabel").asText()).isEqualTo("已申报，评估审核中");
    assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("5234567.89");
    // Qijiang's rules: a general-benefit policy of 5 million or more needs self-assessment and re-assessment
    JsonNode rules = body.get("ruleResults");
    assertThat(rules.get("exAnteRequired").asBoolean()).isTrue();
    assertThat(rules.get("selfAssessmentRequired").asBoolean()).isTrue();
    assertThat(rules.get("financeReassessmentRequired").asBoolean()).isTrue();
    assertThat(rules.get("jointReviewRequired").asBoolean()).isFalse();
    assertThat(rules.get("budgetReviewRequired").asBoolean()).isFalse();
    assertThat(rules.get("ruleBasis").asText()).contains("500万");
    assertThat(body.get("applicant").asText()).isEqualTo("qijiang-edu");
    assertThat(body.get("stage").asText()).isEqualTo("EX_ANTE");
    assertThat(body.get("stageLabel").asText()).isEqualTo("事前绩效评估");
    // the project's lifecycle, and the assessment it called, both in the district
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .tenantIdIn("qijiang").count()).isEqualTo(2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(body.get("processInstanceId").asText())
        .processDefinitionKey(ProjectYearProcess.KEY).count()).isOne();

    ResponseEntity<JsonNode> read = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/" + code, JsonNode.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody().get("name").asText()).isEqualTo("农村义务教育营养改善计划");
    assertThat(read.getBody().get("opinions")).isEmpty();
  }

  @Test
  void theDemoProjectsCarryTheirReviewersOpinionWithNames() {
    JsonNode returned = http.withBasicAuth("qijiang-health", "demo")
        .getForEntity("/api/projects/QIJIANG-2026-002", JsonNode.class).getBody();

    assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
    assertThat(returned.get("departmentName").asText()).isEqualTo("綦江区卫生健康委员会本级");
    JsonNode opinion = null;
    for (JsonNode o : returned.get("opinions")) {
      if (o.get("step").asText().equals(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR)) {
        opinion = o;
      }
    }
    assertThat(returned.get("opinions").get(0).get("decisionLabel").asText()).isEqualTo("提交自评估");
    assertThat(opinion.get("reviewer").asText()).as("the health unit's own 主管部门").isEqualTo("qijiang-supervisor-health");
    assertThat(opinion.get("reviewerName").asText()).matches("[\\u4e00-\\u9fa5]{2,4}");
    assertThat(opinion.get("reviewerRoleLabel").asText()).isEqualTo("主管部门");
    assertThat(opinion.get("decisionLabel").asText()).isEqualTo("退回修改");
  }

  @Test
  void theFundingGateIsClosedUntilTheRequiredAssessmentPassesAndForAListedProjectUntilItsGoalsAreApproved() {
    String assessed = code();
    post("qijiang-edu", application(assessed));
    JsonNode closed = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/" + assessed + "/funding-eligibility", JsonNode.class).getBody();
    assertThat(closed.get("eligible").asBoolean()).isFalse();
    assertThat(closed.get("procurable").asBoolean()).isFalse();
    assertThat(closed.get("payable").asBoolean()).isFalse();
    assertThat(closed.get("reasons").get(0).get("code").asText()).isEqualTo("EX_ANTE_NOT_PASSED");
    assertThat(closed.get("reasons").get(0).get("message").asText()).startsWith("应评未评");

    Map<String, Object> small = application(code());
    small.put("itemType", "DEPARTMENT_PROJECT");
    small.put("newSpending", false);
    small.put("amount", "80000");
    String listed = post("qijiang-edu", small).getBody().get("code").asText();
    JsonNode noGoals = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/" + listed + "/funding-eligibility", JsonNode.class).getBody();
    assertThat(noGoals.get("eligible").asBoolean()).isFalse();
    assertThat(noGoals.get("reasons")).hasSize(1);
    assertThat(noGoals.get("reasons").get(0).get("code").asText()).isEqualTo("GOALS_NOT_APPROVED");
    assertThat(noGoals.get("reasons").get(0).get("message").asText()).startsWith("无目标不得安排预算");

    String goalSet = listed + "-" + http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/" + listed, JsonNode.class).getBody().get("budgetYear").asInt();
    completeGoalTask(goalSet, Map.of("goalDraft", GOALS));
    completeGoalTask(goalSet, Map.of("reviewDecision", "APPROVE"));
    completeGoalTask(goalSet, Map.of("reviewDecision", "APPROVE"));
    JsonNode open = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/" + listed + "/funding-eligibility", JsonNode.class).getBody();
    assertThat(open.get("eligible").asBoolean()).isTrue();
    assertThat(open.get("budgetable").asBoolean()).isTrue();
    assertThat(open.get("reasons")).isEmpty();
    assertThat(http.withBasicAuth("qijiang-health", "demo")
        .getForEntity("/api/projects/" + listed + "/funding-eligibility", JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void theApplicantWithdrawsOverTheApiAndAnotherDepartmentCannot() {
    String code = code();
    post("qijiang-edu", application(code));

    ResponseEntity<JsonNode> other = http.withBasicAuth("qijiang-health", "demo")
        .postForEntity("/api/projects/" + code + "/withdraw", null, JsonNode.class);
    ResponseEntity<JsonNode> own = http.withBasicAuth("qijiang-edu", "demo")
        .postForEntity("/api/projects/" + code + "/withdraw", null, JsonNode.class);
    ResponseEntity<JsonNode> again = http.withBasicAuth("qijiang-edu", "demo")
        .postForEntity("/api/projects/" + code + "/withdraw", null, JsonNode.class);

    assertThat(other.getStatusCode().value()).isEqualTo(404);
    assertThat(other.getBody().get("message").asText()).isEqualTo("项目不存在：" + code);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
  }

  @Test
  void aRepeatedCodeIs409AndStartsNothing() {
    String code = code();
    assertThat(post("qijiang-edu", application(code)).getStatusCode().value()).isEqualTo(201);

    ResponseEntity<JsonNode> again = post("qijiang-edu", application(code));

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("message").asText()).contains("项目编码已存在");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ProjectYearProcess.KEY).count()).isOne();
  }

  @Test
  void eachKindOfBadInputIs400NamingTheFieldInChineseAndStoresNothing() {
    Map<String, Object> blankCode = application("");
    Map<String, Object> badCode = application("项目 1");
    Map<String, Object> noName = application(code());
    noName.remove("name");
    Map<String, Object> zero = application(code());
    zero.put("amount", 0);
    Map<String, Object> negative = application(code());
    negative.put("amount", -5);
    Map<String, Object> threeDecimals = application(code());
    threeDecimals.put("amount", "100.005");
    Map<String, Object> noDistrict = application(code());
    noDistrict.put("district", " ");
    Map<String, Object> noDepartment = application(code());
    noDepartment.remove("department");

    Map<String, Object> badItemType = application(code());
    badItemType.put("itemType", "BRIDGE");
    Map<String, Object> noStage = application(code());
    noStage.remove("budgetStage");
    Map<String, Object> noNewSpending = application(code());
    noNewSpending.remove("newSpending");
    Map<String, Object> badFundSource = application(code());
    badFundSource.put("fundSource", "LOTTERY");
    Map<String, Object> zeroYears = application(code());
    zeroYears.put("periodYears", 0);

    Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
    cases.put(badItemType, "itemType");
    cases.put(noStage, "budgetStage");
    cases.put(noNewSpending, "newSpending");
    cases.put(badFundSource, "fundSource");
    cases.put(zeroYears, "periodYears");
    cases.put(blankCode, "code");
    cases.put(badCode, "code");
    cases.put(noName, "name");
    cases.put(zero, "amount");
    cases.put(negative, "amount");
    cases.put(threeDecimals, "amount");
    cases.put(noDistrict, "district");
    cases.put(noDepartment, "department");
    long before = projectRows();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    cases.forEach((body, field) -> {
      ResponseEntity<JsonNode> response = post("qijiang-edu", body);
      assertThat(response.getStatusCode().value()).as(field + " in " + body).isEqualTo(400);
      List<String> fields = new ArrayList<>();
      response.getBody().get("fieldErrors").forEach(f -> fields.add(f.get("field").asText()));
      assertThat(fields).as(body.toString()).contains(field);
      response.getBody().get("fieldErrors").forEach(f ->
          assertThat(f.get("message").asText()).matches(".*[\\u4e00-\\u9fa5].*"));
    });

    assertThat(projectRows()).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void malformedJsonAndUnknownDistrictOrDepartmentAre400() {
    HttpHeaders headers = jsonHeaders();
    ResponseEntity<JsonNode> malformed = http.withBasicAuth("demo", "demo").exchange("/api/projects",
        HttpMethod.POST, new HttpEntity<>("{\"code\": \"X\", ", headers), JsonNode.class);
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody().get("message").asText()).contains("JSON");
    ResponseEntity<JsonNode> wordsForMoney = http.withBasicAuth("demo", "demo").exchange("/api/projects",
        HttpMethod.POST, new HttpEntity<>("{\"code\": \"X-1\", \"amount\": \"很多\"}", headers), JsonNode.class);
    assertThat(wordsForMoney.getStatusCode().value()).isEqualTo(400);
    assertThat(wordsForMoney.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("amount");

    Map<String, Object> unknownDistrict = application(code());
    unknownDistrict.put("district", "atlantis");
    ResponseEntity<JsonNode> district = post("demo", unknownDistrict);
    assertThat(district.getStatusCode().value()).isEqualTo(400);
    assertThat(district.getBody().get("message").asText()).contains("辖区不存在");

    Map<String, Object> foreignDepartment = application(code());
    foreignDepartment.put("department", "enyang-education");
    ResponseEntity<JsonNode> department = post("demo", foreignDepartment);
    assertThat(department.getStatusCode().value()).isEqualTo(400);
    assertThat(department.getBody().get("message").asText()).contains("部门不存在或不属于辖区");
  }

  @Test
  void aUnitApplyingForAnotherDepartmentOrDistrictIs403AndStoresNothing() {
    long before = projectRows();
    Map<String, Object> otherDepartment = application(code());
    otherDepartment.put("department", "qijiang-health");
    Map<String, Object> otherDistrict = application(code());
    otherDistrict.put("district", "enyang");
    otherDistrict.put("department", "enyang-education");

    ResponseEntity<JsonNode> department = post("qijiang-edu", otherDepartment);
    ResponseEntity<JsonNode> district = post("qijiang-edu", otherDistrict);
    ResponseEntity<JsonNode> reviewer = post("qijiang-supervisor", application(code()));

    assertThat(department.getStatusCode().value()).isEqualTo(403);
    assertThat(department.getBody().get("message").asText()).contains("只能为本部门申报");
    assertThat(district.getStatusCode().value()).isEqualTo(403);
    assertThat(district.getBody().get("message").asText()).contains("其他辖区");
    assertThat(reviewer.getStatusCode().value()).isEqualTo(403);
    assertThat(projectRows()).isEqualTo(before);
  }

  @Test
  void aProjectIsReadableByItsDepartmentAndDistrictReviewersOnly() {
    String code = code();
    post("qijiang-edu", application(code));

    assertThat(status("qijiang-edu", code)).isEqualTo(200);
    assertThat(status("qijiang-supervisor", code)).isEqualTo(200);
    assertThat(status("qijiang-perf", code)).isEqualTo(200);
    // another department's or district's project: the same 404 and message as a code that does not exist
    assertThat(status("qijiang-health", code)).isEqualTo(404);
    assertThat(status("enyang-supervisor", code)).isEqualTo(404);
    assertThat(http.withBasicAuth("enyang-supervisor", "demo").getForEntity("/api/projects/" + code, JsonNode.class)
        .getBody().get("message").asText()).isEqualTo("项目不存在：" + code);
    assertThat(status("qijiang-edu", "NO-SUCH-PROJECT")).isEqualTo(404);
    ResponseEntity<JsonNode> missing = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/NO-SUCH-PROJECT", JsonNode.class);
    assertThat(missing.getBody().get("message").asText()).contains("项目不存在");
    assertThat(missing.getBody().get("error").asText()).isEqualTo("未找到");
  }

  @Test
  void tasklistFormsReadTheApiWithTheWebappLogin() {
    String code = code();
    post("qijiang-edu", application(code));
    // the webapp's CSRF cookie and session, then its login form, as Tasklist does it
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    String cookies = String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList());
    String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrf);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "qijiang-supervisor");
    form.add("password", "demo");
    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    String session = login.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith("JSESSIONID")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();

    HttpHeaders withSession = new HttpHeaders();
    withSession.add(HttpHeaders.COOKIE, session);
    ResponseEntity<JsonNode> read = http.exchange("/api/projects/" + code, HttpMethod.GET,
        new HttpEntity<>(withSession), JsonNode.class);
    ResponseEntity<JsonNode> write = http.exchange("/api/projects", HttpMethod.POST,
        new HttpEntity<>(application(code()), withSession), JsonNode.class);

    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody().get("code").asText()).isEqualTo(code);
    assertThat(read.getHeaders().get(HttpHeaders.SET_COOKIE)).as("the webapp session is left as it is").isNull();
    assertThat(write.getStatusCode().value()).as("the session only reads").isEqualTo(401);
    // a form reads several times with the same session (goal forms: the goal set, the project, the library)
    for (int i = 0; i < 3; i++) {
      ResponseEntity<JsonNode> again = http.exchange("/api/projects/" + code, HttpMethod.GET,
          new HttpEntity<>(withSession), JsonNode.class);
      assertThat(again.getStatusCode().value()).as("read %d with the same session", i + 2).isEqualTo(200);
    }
    ResponseEntity<String> tasklistStillLoggedIn = http.exchange("/camunda/api/admin/auth/user/default",
        HttpMethod.GET, new HttpEntity<>(withSession), String.class);
    assertThat(tasklistStillLoggedIn.getStatusCode().value()).isEqualTo(200);
    assertThat(tasklistStillLoggedIn.getBody()).contains("qijiang-supervisor");
  }

  static final String GOALS = """
      {"overallGoal": "保障学生营养餐供应",
       "indicators": [
         {"level2": "QUANTITY", "name": "受益学生人数", "comparator": "GE", "targetValue": 12000, "unit": "人", "weight": 50},
         {"level2": "SOCIAL", "name": "学生营养状况改善", "comparator": "QUALITATIVE", "targetText": "明显改善", "weight": 50}
       ]}""";

  private void completeGoalTask(String goalSet, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(goalSet).singleResult().getId(),
        variables);
  }

  private int status(String user, String code) {
    return http.withBasicAuth(user, "demo").getForEntity("/api/projects/" + code, JsonNode.class)
        .getStatusCode().value();
  }

  private long projectRows() {
    return jdbc.queryForObject("select count(*) from project", Long.class);
  }

  private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
    return http.withBasicAuth(user, "demo").exchange("/api/projects", HttpMethod.POST,
        new HttpEntity<>(body, jsonHeaders()), JsonNode.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static String code() {
    return "API-" + System.nanoTime();
  }

  private static Map<String, Object> application(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "农村义务教育营养改善计划");
    body.put("district", "qijiang");
    body.put("department", "qijiang-education");
    body.put("amount", "5234567.89");
    body.put("itemType", "GENERAL_POLICY");
    body.put("budgetStage", "ANNUAL");
    body.put("newSpending", true);
    body.put("fundSource", "GENERAL_PUBLIC_BUDGET");
    body.put("periodYears", 2);
    return body;
  }
}
