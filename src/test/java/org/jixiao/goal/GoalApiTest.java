package org.jixiao.goal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The goal endpoints over HTTP: the indicator library, opening goal setting, adjustments, the 抽审 draw. */
@PlatformTest
class GoalApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Goals fixture;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;

  @Test
  void theLibraryOffersItsCategoriesAndTheirCommonIndicators() {
    JsonNode categories = get("qijiang-edu", "/api/indicator-categories").getBody();
    assertThat(categories.size()).isGreaterThanOrEqualTo(6);
    assertThat(categories.findValuesAsText("name")).contains("会议", "培训", "资产购置", "资产维护", "信息化运维", "课题研究");

    ResponseEntity<JsonNode> training = get("qijiang-edu", "/api/common-indicators?category=TRAINING");
    assertThat(training.getStatusCode().value()).isEqualTo(200);
    assertThat(training.getBody().findValuesAsText("level1")).contains("OUTPUT", "EFFECT", "SATISFACTION");
    assertThat(training.getBody().get(0).get("code").asText()).isEqualTo("TRAINING-01");
    assertThat(training.getBody().get(0).get("level2Label").asText()).endsWith("指标");

    ResponseEntity<JsonNode> unknown = get("qijiang-edu", "/api/common-indicators?category=NOPE");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().get("message").asText()).isEqualTo("项目类别不存在：NOPE");
  }

  @Test
  void anApplicationWithAnUnknownCategoryIsRefused() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", "CAT-" + System.nanoTime());
    body.put("name", "测试项目");
    body.put("district", "qijiang");
    body.put("department", "qijiang-education");
    body.put("amount", "80000");
    body.put("itemType", "DEPARTMENT_PROJECT");
    body.put("budgetStage", "ANNUAL");
    body.put("newSpending", false);
    body.put("fundSource", "GENERAL_PUBLIC_BUDGET");
    body.put("periodYears", 1);
    body.put("category", "PARTY");
    long before = count("project");

    ResponseEntity<JsonNode> response = post("qijiang-edu", "/api/projects", body);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText()).startsWith("项目类别不存在：PARTY");
    assertThat(count("project")).isEqualTo(before);
  }

  @Test
  void aUnitOpensItsDepartmentsWholeBudgetGoalsOnceAndOnlyForItself() {
    Map<String, Object> body = Map.of("district", "gaomi", "department", "gaomi-health", "budgetYear", 2029,
        "budgetAmount", "86000000.00");

    ResponseEntity<JsonNode> other = post("gaomi-edu", "/api/goal-sets", body);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(other.getBody().get("message").asText()).contains("谁申请资金，谁设定目标");

    ResponseEntity<JsonNode> created = post("gaomi-health", "/api/goal-sets", body);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/goal-sets/gaomi-health-2029");
    assertThat(created.getBody().get("subject").asText()).isEqualTo("DEPARTMENT");
    assertThat(created.getBody().get("subjectLabel").asText()).isEqualTo("部门整体支出");
    assertThat(created.getBody().get("statusLabel").asText()).isEqualTo("编制中");
    assertThat(created.getBody().get("budgetAmount").decimalValue()).isEqualByComparingTo("86000000.00");

    ResponseEntity<JsonNode> again = post("gaomi-health", "/api/goal-sets", body);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("message").asText()).isEqualTo("该预算年度的绩效目标已存在：gaomi-health-2029");
  }

  @Test
  void openingWithoutProjectOrDepartmentOrForAnUnlistedProjectIsRefused() {
    ResponseEntity<JsonNode> empty = post("qijiang-edu", "/api/goal-sets", Map.of("budgetYear", 2028));
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().get("message").asText()).contains("部门整体绩效目标须填写");

    ResponseEntity<JsonNode> returned = post("qijiang-health", "/api/goal-sets", Map.of("projectCode", "QIJIANG-2026-002"));
    assertThat(returned.getStatusCode().value()).isEqualTo(409);
    assertThat(returned.getBody().get("message").asText()).startsWith("项目尚未入库");

    ResponseEntity<JsonNode> badYear = post("qijiang-edu", "/api/goal-sets", Map.of("projectCode", "X", "budgetYear", 1999));
    assertThat(badYear.getStatusCode().value()).isEqualTo(400);
    assertThat(badYear.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("budgetYear");
  }

  @Test
  void goalsAreReadByTheirDistrictsReviewersAndTheirOwnDepartmentOnly() {
    String code = fixture.listedProject("qijiang");
    assertThat(get("qijiang-edu", "/api/goal-sets/" + code).getStatusCode().value()).isEqualTo(200);
    assertThat(get("qijiang-supervisor", "/api/goal-sets/" + code).getStatusCode().value()).isEqualTo(200);
    // another department's or district's goals: the same 404 as a code that does not exist
    assertThat(get("qijiang-health", "/api/goal-sets/" + code).getStatusCode().value()).isEqualTo(404);
    assertThat(get("jilin-perf", "/api/goal-sets/" + code).getBody().get("message").asText())
        .isEqualTo("绩效目标不存在：" + code);
    assertThat(get("qijiang-edu", "/api/goal-sets/NOPE-2027").getStatusCode().value()).isEqualTo(404);
    assertThat(http.getForEntity("/api/goal-sets/" + code, JsonNode.class).getStatusCode().value()).isEqualTo(401);

    JsonNode list = get("qijiang-perf", "/api/goal-sets?district=qijiang&budgetYear=2027").getBody();
    assertThat(list.findValuesAsText("code")).contains(code);
    assertThat(get("qijiang-perf", "/api/goal-sets?district=jilin&budgetYear=2027").getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void anAdjustmentWithBrokenGoalsIsRefusedWithEveryProblemAndChangesNothing() throws Exception {
    String code = fixture.approved("qijiang");
    JsonNode goals = json.readTree(Goals.REVISED);
    ((com.fasterxml.jackson.databind.node.ObjectNode) goals.get("indicators").get(0)).put("weight", 25);
    ((com.fasterxml.jackson.databind.node.ObjectNode) goals.get("indicators").get(1)).remove("targetValue");
    long versions = count("goal_version");

    ResponseEntity<JsonNode> refused = post("qijiang-edu", "/api/goal-sets/" + code + "/adjustments",
        Map.of("reason", "场地改造", "goals", goals));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("fieldErrors").findValuesAsText("field"))
        .containsExactly("indicators[1].targetValue", "indicators");
    assertThat(refused.getBody().get("message").asText())
        .contains("请填写数值目标值").contains("各项指标权重之和应为 100，当前为 95");
    assertThat(count("goal_version")).isEqualTo(versions);
    assertThat(get("qijiang-edu", "/api/goal-sets/" + code).getBody().get("statusLabel").asText()).isEqualTo("已批复");

    ResponseEntity<JsonNode> noReason = post("qijiang-edu", "/api/goal-sets/" + code + "/adjustments",
        Map.of("reason", " ", "goals", json.readTree(Goals.REVISED)));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody().get("fieldErrors").get(0).get("message").asText()).isEqualTo("请说明调整绩效目标的原因");

    ResponseEntity<JsonNode> accepted = post("qijiang-edu", "/api/goal-sets/" + code + "/adjustments",
        Map.of("reason", "场地改造，培训人次调增", "goals", json.readTree(Goals.REVISED)));
    assertThat(accepted.getStatusCode().value()).isEqualTo(201);
    assertThat(accepted.getBody().get("status").asText()).isEqualTo("ADJUSTING");
    assertThat(accepted.getBody().get("approvedVersion").asInt()).isEqualTo(1);
    assertThat(accepted.getBody().get("latestVersion").asInt()).isEqualTo(2);
    assertThat(accepted.getBody().get("changes").get("indicators").size()).isEqualTo(3);
  }

  @Test
  void anAdjustmentThatChangesNothingIsRefusedAndStartsNothing() throws Exception {
    String code = fixture.approved("qijiang");
    long versions = count("goal_version");

    ResponseEntity<JsonNode> refused = post("qijiang-edu", "/api/goal-sets/" + code + "/adjustments",
        Map.of("reason", "重新报一次", "goals", json.readTree(Goals.VALID_REORDERED)));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText())
        .isEqualTo("调整后的绩效目标与批复的第 1 版相同：请修改总体目标或指标后再申请调整");
    assertThat(count("goal_version")).isEqualTo(versions);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY)
        .processInstanceBusinessKey(code).count()).isZero();

    JsonNode oneTargetMore = json.readTree(Goals.VALID_REORDERED);
    ((com.fasterxml.jackson.databind.node.ObjectNode) oneTargetMore.get("indicators").get(0)).put("targetValue", 91);
    ResponseEntity<JsonNode> accepted = post("qijiang-edu", "/api/goal-sets/" + code + "/adjustments",
        Map.of("reason", "满意度目标调高", "goals", oneTargetMore));
    assertThat(accepted.getStatusCode().value()).isEqualTo(201);
    assertThat(accepted.getBody().get("changes").get("indicators").size()).isEqualTo(1);
  }

  @Test
  void aListWithoutOrWithAMalformedParameterIs400() {
    ResponseEntity<JsonNode> noYear = get("qijiang-perf", "/api/goal-sets?district=qijiang");
    assertThat(noYear.getStatusCode().value()).isEqualTo(400);
    assertThat(noYear.getBody().get("message").asText()).isEqualTo("请求缺少参数：budgetYear");
    ResponseEntity<JsonNode> badYear = get("qijiang-perf", "/api/goal-sets?district=qijiang&budgetYear=明年");
    assertThat(badYear.getStatusCode().value()).isEqualTo(400);
    assertThat(badYear.getBody().get("message").asText()).isEqualTo("参数 budgetYear 的值无效");
  }

  @Test
  void adjustingGoalsThatAreNotApprovedIsAConflict() throws Exception {
    String code = fixture.listedProject("qijiang");
    ResponseEntity<JsonNode> response = post("qijiang-edu", "/api/goal-sets/" + code + "/adjustments",
        Map.of("reason", "调整", "goals", json.readTree(Goals.VALID)));
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody().get("message").asText()).isEqualTo("只有已批复的绩效目标可以申请调整（当前：编制中）");
  }

  @Test
  void theFinancePerformanceSectionDrawsOverTheApi() {
    fixture.approved("chongqing", 2044);
    fixture.approved("chongqing", 2044);
    ResponseEntity<JsonNode> refused = post("chongqing-edu", "/api/goal-samplings",
        Map.of("district", "chongqing", "budgetYear", 2044));
    assertThat(refused.getStatusCode().value()).isEqualTo(403);

    ResponseEntity<JsonNode> drawn = post("chongqing-perf", "/api/goal-samplings",
        Map.of("district", "chongqing", "budgetYear", 2044, "seed", 5));
    assertThat(drawn.getStatusCode().value()).isEqualTo(200);
    JsonNode draw = drawn.getBody().get(0);
    assertThat(draw.get("samplingPercent").asInt()).isEqualTo(20);
    assertThat(draw.get("seed").asLong()).isEqualTo(5);
    assertThat(draw.get("drawn").asInt()).isEqualTo(GoalSampling.sampleSize(draw.get("population").asInt(), 20));
    assertThat(count("goal_sample_draw")).isPositive();

    ResponseEntity<JsonNode> nothingLeft = post("chongqing-perf", "/api/goal-samplings",
        Map.of("district", "chongqing", "budgetYear", 2044));
    assertThat(nothingLeft.getStatusCode().value()).isEqualTo(409);
    ResponseEntity<JsonNode> noYear = post("chongqing-perf", "/api/goal-samplings", Map.of("district", "chongqing"));
    assertThat(noYear.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aUnitListsItsOwnApprovedGoalsToAdjust() {
    String approved = fixture.approved("enyang");
    String drafting = fixture.listedProject("enyang");

    JsonNode mine = get("enyang-edu", "/api/goal-sets/adjustable").getBody();
    assertThat(mine.findValuesAsText("code")).contains(approved).doesNotContain(drafting);
    assertThat(mine.findValuesAsText("status")).containsOnly("APPROVED");
    JsonNode health = get("enyang-health", "/api/goal-sets/adjustable").getBody();
    assertThat(health.findValuesAsText("code")).doesNotContain(approved);
  }

  @Test
  void theDemoGoalsAreApprovedAndInJilinAwaitTheSecondUp() {
    JsonNode qijiang = get("qijiang-perf", "/api/goal-sets/QIJIANG-2026-005-2027").getBody();
    assertThat(qijiang.get("status").asText()).isEqualTo("APPROVED");
    assertThat(qijiang.get("projectName").asText()).isEqualTo("教育信息化系统运维项目");
    assertThat(qijiang.get("category").asText()).isEqualTo("IT_OPERATIONS");
    assertThat(qijiang.get("opinions").findValuesAsText("reviewer"))
        .containsExactly("qijiang-edu", "qijiang-supervisor", "qijiang-perf");

    JsonNode jilin = get("jilin-edu", "/api/goal-sets/JILIN-2026-005-2027").getBody();
    assertThat(jilin.get("status").asText()).isEqualTo("RETURNED");
    assertThat(jilin.get("opinions").findValuesAsText("decisionLabel"))
        .containsExactly("报送绩效目标", "通过", "反馈意见");

    JsonNode drafting = get("qijiang-edu", "/api/goal-sets/QIJIANG-2026-003-2027").getBody();
    assertThat(drafting.get("statusLabel").asText()).isEqualTo("编制中");
    assertThat(drafting.get("category").asText()).isEqualTo("TRAINING");
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        JsonNode.class);
  }
}
