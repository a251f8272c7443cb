package org.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Access along the department tree: a unit's 初审 goes to its own 主管部门 only (教育局 reviews 教育局本级, never
 * 卫生健康委员会's units, and the reverse), and a 主管部门 never sees another's units — not the project, not the
 * goals, not the task through {@code /engine-rest}, not the instance's history; claim and complete are
 * refused. Finance reads the whole district. The routing variable {@code supervisingDepartmentGroup} can be
 * neither submitted with a completion nor written.
 */
@PlatformTest
class DepartmentTreeAccessTest {

  static final String EDU_SUPERVISOR = "qijiang-supervisor";
  static final String HEALTH_SUPERVISOR = "qijiang-supervisor-health";
  /** Demo data: returned to qijiang-health (卫生健康委员会本级) by its 主管部门. */
  static final String HEALTH_PROJECT = "QIJIANG-2026-002";
  /** Demo data: the goals of qijiang-education's project 005, approved. */
  static final String EDU_GOALS = "QIJIANG-2026-005-2027";

  @Autowired TestRestTemplate http;
  @Autowired Applications applications;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void aUnitsFirstReviewGoesToItsOwnSupervisingDepartmentOnly() {
    Task review = applications.awaitingReview("部门树初审");

    assertThat(review.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("qijiang-edu-bureau");
    assertThat(runtimeService.getVariable(review.getProcessInstanceId(),
        Departments.VAR_SUPERVISING_DEPARTMENT_GROUP)).isEqualTo("qijiang-edu-bureau");
    assertThat(tasksOf(EDU_SUPERVISOR, review.getProcessInstanceId())).containsExactly(review.getId());
    assertThat(tasksOf(HEALTH_SUPERVISOR, review.getProcessInstanceId())).isEmpty();
    assertThat(tasksOf("enyang-supervisor", review.getProcessInstanceId())).isEmpty();
  }

  @Test
  void anotherSupervisingDepartmentCannotReadClaimOrCompleteTheTask() {
    Task review = applications.awaitingReview("部门树拒绝");
    TestRestTemplate health = http.withBasicAuth(HEALTH_SUPERVISOR, "demo");
    String t = "/engine-rest/task/" + review.getId();

    ResponseEntity<JsonNode> read = health.getForEntity(t, JsonNode.class);
    ResponseEntity<JsonNode> claim = health.postForEntity(t + "/claim", json(Map.of("userId", HEALTH_SUPERVISOR)),
        JsonNode.class);
    ResponseEntity<JsonNode> complete = health.postForEntity(t + "/complete", json(Map.of("variables",
        Map.of(ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "APPROVE", "type", "String")))), JsonNode.class);

    assertThat(read.getStatusCode().value()).isEqualTo(404);
    assertThat(claim.getStatusCode().value()).as("claim: %s", claim.getBody()).isIn(403, 404);
    assertThat(claim.getBody().get("message").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    assertThat(complete.getStatusCode().value()).as("complete: %s", complete.getBody()).isIn(403, 404);
    assertThat(complete.getBody().get("message").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    Task still = taskService.createTaskQuery().taskId(review.getId()).singleResult();
    assertThat(still).as("still open").isNotNull();
    assertThat(still.getAssignee()).isNull();

    // its own 主管部门 claims and approves
    TestRestTemplate edu = http.withBasicAuth(EDU_SUPERVISOR, "demo");
    assertThat(edu.postForEntity(t + "/claim", json(Map.of("userId", EDU_SUPERVISOR)), JsonNode.class)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(edu.postForEntity(t + "/complete", json(Map.of("variables",
        Map.of(ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "APPROVE", "type", "String")))), JsonNode.class)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
  }

  @Test
  void aSupervisingDepartmentReadsItsOwnUnitsProjectsAndNoOthers() {
    Task review = applications.awaitingReview("部门树项目");
    String edu = runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId())
        .singleResult().getBusinessKey();

    assertThat(status(EDU_SUPERVISOR, "/api/projects/" + edu)).isEqualTo(200);
    assertThat(status(HEALTH_SUPERVISOR, "/api/projects/" + HEALTH_PROJECT)).isEqualTo(200);
    assertNotFound(HEALTH_SUPERVISOR, "/api/projects/" + edu, "项目不存在：" + edu);
    assertNotFound(EDU_SUPERVISOR, "/api/projects/" + HEALTH_PROJECT, "项目不存在：" + HEALTH_PROJECT);
    assertNotFound(EDU_SUPERVISOR, "/api/projects/" + HEALTH_PROJECT + "/funding-eligibility",
        "项目不存在：" + HEALTH_PROJECT);
    assertNotFound(HEALTH_SUPERVISOR, "/api/projects/NO-SUCH-CODE", "项目不存在：NO-SUCH-CODE");
    // the district-wide roles read both
    assertThat(status("qijiang-perf", "/api/projects/" + edu)).isEqualTo(200);
    assertThat(status("qijiang-perf", "/api/projects/" + HEALTH_PROJECT)).isEqualTo(200);
    assertThat(status("qijiang-npc", "/api/projects/" + HEALTH_PROJECT)).isEqualTo(200);
  }

  @Test
  void aSupervisingDepartmentReadsItsOwnUnitsGoalsAndNoOthers() {
    assertThat(status(EDU_SUPERVISOR, "/api/goal-sets/" + EDU_GOALS)).isEqualTo(200);
    assertNotFound(HEALTH_SUPERVISOR, "/api/goal-sets/" + EDU_GOALS, "绩效目标不存在：" + EDU_GOALS);

    List<String> eduList = goalCodes(EDU_SUPERVISOR);
    List<String> healthList = goalCodes(HEALTH_SUPERVISOR);
    List<String> financeList = goalCodes("qijiang-perf");
    assertThat(eduList).contains(EDU_GOALS);
    assertThat(healthList).doesNotContain(EDU_GOALS);
    assertThat(financeList).contains(EDU_GOALS).containsAll(healthList);
  }

  @Test
  void aSupervisingDepartmentFollowsOnlyItsOwnUnitsInstances() {
    Task review = applications.awaitingReview("部门树历史");
    String instance = review.getProcessInstanceId();
    String root = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getRootProcessInstanceId();

    long all = historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).count();
    assertThat(all).as("the lifecycle and the ex-ante stage it called").isEqualTo(2);
    assertThat(historicInstances(EDU_SUPERVISOR, root)).isEqualTo(all);
    assertThat(historicInstances("qijiang-edu", root)).isEqualTo(all);
    assertThat(historicInstances(HEALTH_SUPERVISOR, root)).isZero();
    assertThat(runningInstances(EDU_SUPERVISOR, instance)).isOne();
    assertThat(runningInstances(HEALTH_SUPERVISOR, instance)).isZero();
    assertThat(runningInstances("qijiang-perf", instance)).as("finance follows the district").isOne();
  }

  @Test
  void theReviewerGroupCanBeNeitherSubmittedNorWritten() {
    Task review = applications.awaitingReview("部门树变量");
    String instance = review.getProcessInstanceId();
    Map<String, Object> hostile = Map.of("value", "supervisingDepartment", "type", "String");
    String name = Departments.VAR_SUPERVISING_DEPARTMENT_GROUP;
    TestRestTemplate supervisor = http.withBasicAuth(EDU_SUPERVISOR, "demo");

    assertRefused(supervisor.postForEntity("/engine-rest/task/" + review.getId() + "/complete",
        json(Map.of("variables", Map.of(ExAnteProcess.VAR_REVIEW_DECISION,
            Map.of("value", "RETURN", "type", "String"), name, hostile))), JsonNode.class), name);
    assertRefused(supervisor.exchange("/engine-rest/process-instance/" + instance + "/variables/" + name,
        HttpMethod.PUT, json(hostile), JsonNode.class), name);
    assertRefused(supervisor.postForEntity("/engine-rest/process-instance/" + instance + "/variables",
        json(Map.of("modifications", Map.of(name, hostile))), JsonNode.class), name);
    assertThat(runtimeService.getVariable(instance, name)).isEqualTo("qijiang-edu-bureau");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("still open").isOne();
  }

  private List<String> tasksOf(String user, String processInstanceId) {
    JsonNode tasks = http.withBasicAuth(user, "demo").getForEntity(
        "/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class).getBody();
    List<String> ids = new java.util.ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private int historicInstances(String user, String rootId) {
    return http.withBasicAuth(user, "demo").getForEntity(
        "/engine-rest/history/process-instance?rootProcessInstanceId=" + rootId, JsonNode.class).getBody().size();
  }

  private int runningInstances(String user, String id) {
    return http.withBasicAuth(user, "demo").getForEntity(
        "/engine-rest/process-instance?processInstanceIds=" + id, JsonNode.class).getBody().size();
  }

  private List<String> goalCodes(String user) {
    ResponseEntity<JsonNode> list = http.withBasicAuth(user, "demo").getForEntity(
        "/api/goal-sets?district=qijiang&budgetYear=2027", JsonNode.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    List<String> codes = new java.util.ArrayList<>();
    list.getBody().forEach(g -> codes.add(g.get("code").asText()));
    return codes;
  }

  private int status(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class).getStatusCode().value();
  }

  private void assertNotFound(String user, String path, String message) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode().value()).as(user + " " + path).isEqualTo(404);
    assertThat(response.getBody().get("message").asText()).isEqualTo(message);
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, String variable) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText()).contains(variable).containsPattern("[\\u4e00-\\u9fa5]");
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
