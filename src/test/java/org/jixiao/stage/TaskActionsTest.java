package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Task actions follow the role: a budget unit (and every role but the finance performance section and
 * administrators) cannot move due dates, change priorities, assignees, owners or candidates, nor claim for
 * someone else; the finance performance section may. Process-level actions are for administrators.
 */
@PlatformTest
class TaskActionsTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Applications applications;

  Task revise;
  Date dueBefore;

  @BeforeEach
  void qijiangEducationHasATaskToRevise() {
    revise = applications.returnedForRevision("办理期限项目");
    dueBefore = revise.getDueDate();
  }

  @Test
  void aUnitCannotMoveItsDueDateChangeItsPriorityOrReassignItsTask() {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    String t = "/engine-rest/task/" + revise.getId();
    JsonNode current = unit.getForEntity(t, JsonNode.class).getBody();
    Map<String, Object> movedTo2099 = asMap(current);
    movedTo2099.put("due", "2099-12-31T00:00:00.000+0800");
    Map<String, Object> urgent = asMap(current);
    urgent.put("priority", 100);
    Map<String, Object> someoneElse = asMap(current);
    someoneElse.put("assignee", "qijiang-health");

    List<ResponseEntity<JsonNode>> attempts = List.of(
        unit.exchange(t, HttpMethod.PUT, json(movedTo2099), JsonNode.class),
        unit.exchange(t, HttpMethod.PUT, json(urgent), JsonNode.class),
        unit.exchange(t, HttpMethod.PUT, json(someoneElse), JsonNode.class),
        unit.postForEntity(t + "/assignee", json(Map.of("userId", "qijiang-health")), JsonNode.class),
        unit.postForEntity(t + "/delegate", json(Map.of("userId", "qijiang-health")), JsonNode.class),
        unit.postForEntity(t + "/claim", json(Map.of("userId", "qijiang-health")), JsonNode.class),
        unit.postForEntity(t + "/identity-links", json(Map.of("groupId", "qijiang-health", "type", "candidate")),
            JsonNode.class),
        unit.postForEntity(t + "/identity-links/delete", json(Map.of("groupId", "qijiang-education", "type", "candidate")),
            JsonNode.class));

    for (ResponseEntity<JsonNode> response : attempts) {
      assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
      assertThat(response.getBody().get("type").asText()).isEqualTo("Forbidden");
      assertThat(response.getBody().get("message").asText()).as("the guard's refusal, not the engine's")
          .containsAnyOf("只有财政局绩效科可以修改", "只能为自己认领");
    }
    Task after = taskService.createTaskQuery().taskId(revise.getId()).singleResult();
    assertThat(after.getDueDate()).isEqualTo(dueBefore);
    assertThat(after.getPriority()).isEqualTo(revise.getPriority());
    assertThat(after.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(revise.getId())).extracting(IdentityLink::getGroupId)
        .contains("qijiang-education").doesNotContain("qijiang-health");
  }

  @Test
  void aUnitClaimsForItselfAndUnclaimsItsOwnClaimOnly() {
    String t = "/engine-rest/task/" + revise.getId();
    assertThat(http.withBasicAuth("qijiang-edu", "demo").postForEntity(t + "/claim",
        json(Map.of("userId", "qijiang-edu")), JsonNode.class).getStatusCode().value()).isEqualTo(204);
    assertThat(http.withBasicAuth("qijiang-edu", "demo").postForEntity(t + "/unclaim", null, JsonNode.class)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(revise.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void theFinancePerformanceSectionMayMoveADueDateAndChangeThePriority() {
    Task reassess = reassessmentTask();
    TestRestTemplate perf = http.withBasicAuth("qijiang-perf", "demo");
    String t = "/engine-rest/task/" + reassess.getId();
    Map<String, Object> changed = asMap(perf.getForEntity(t, JsonNode.class).getBody());
    changed.put("due", "2030-06-30T00:00:00.000+0800");
    changed.put("priority", 90);

    ResponseEntity<JsonNode> response = perf.exchange(t, HttpMethod.PUT, json(changed), JsonNode.class);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(204);
    Task after = taskService.createTaskQuery().taskId(reassess.getId()).singleResult();
    assertThat(after.getPriority()).isEqualTo(90);
    assertThat(after.getDueDate()).isNotEqualTo(reassess.getDueDate());
    assertThat(perf.postForEntity(t + "/assignee", json(Map.of("userId", "qijiang-perf")), JsonNode.class)
        .getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void messagesSignalsModificationsAndBpmnErrorsAreForAdministratorsOnly() {
    String instance = revise.getProcessInstanceId();
    String code = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    for (String user : List.of("qijiang-edu", "qijiang-perf")) {
      TestRestTemplate caller = http.withBasicAuth(user, "demo");
      ResponseEntity<JsonNode> message = caller.postForEntity("/engine-rest/message",
          json(Map.of("messageName", ExAnteProcess.MESSAGE_WITHDRAW, "businessKey", code)), JsonNode.class);
      ResponseEntity<JsonNode> signal = caller.postForEntity("/engine-rest/signal",
          json(Map.of("name", "anything")), JsonNode.class);
      ResponseEntity<JsonNode> modification = caller.postForEntity("/engine-rest/process-instance/" + instance
          + "/modification", json(Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
              "activityId", ExAnteProcess.TASK_LIST_PROJECT)))), JsonNode.class);
      ResponseEntity<JsonNode> condition = caller.postForEntity("/engine-rest/condition",
          json(Map.of("variables", Map.of("x", Map.of("value", 1, "type", "Integer")))), JsonNode.class);
      ResponseEntity<JsonNode> bpmnError = caller.postForEntity("/engine-rest/task/" + revise.getId() + "/bpmnError",
          json(Map.of("errorCode", "Error_Anything")), JsonNode.class);
      for (ResponseEntity<JsonNode> response : List.of(message, signal, modification, condition, bpmnError)) {
        assertThat(response.getStatusCode().value()).as(user + " %s", response.getBody()).isEqualTo(403);
        assertThat(response.getBody().get("message").asText()).contains("系统管理员");
      }
    }
    assertThat(taskService.createTaskQuery().taskId(revise.getId()).count()).isOne();
    assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly(ExAnteProcess.TASK_REVISE_APPLICATION);
  }

  @Test
  void theOtherWritePathsAreRefusedToo() {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    String instance = revise.getProcessInstanceId();
    String t = "/engine-rest/task/" + revise.getId();
    Map<String, Object> hostile = Map.of("value", false, "type", "Boolean");

    ResponseEntity<JsonNode> removal = unit.exchange(t + "/variables/" + ExAnteProcess.VAR_EX_ANTE_REQUIRED,
        HttpMethod.DELETE, null, JsonNode.class);
    ResponseEntity<JsonNode> localWrite = unit.exchange(t + "/localVariables/" + ExAnteProcess.VAR_EX_ANTE_REQUIRED,
        HttpMethod.PUT, json(hostile), JsonNode.class);
    ResponseEntity<JsonNode> executionWrite = unit.exchange("/engine-rest/execution/" + instance + "/localVariables/"
        + ExAnteProcess.VAR_EX_ANTE_REQUIRED, HttpMethod.PUT, json(hostile), JsonNode.class);
    ResponseEntity<JsonNode> processRemoval = unit.exchange("/engine-rest/process-instance/" + instance + "/variables/"
        + ExAnteProcess.VAR_EX_ANTE_REQUIRED, HttpMethod.DELETE, null, JsonNode.class);
    for (ResponseEntity<JsonNode> response : List.of(removal, localWrite, executionWrite, processRemoval)) {
      assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
      assertThat(response.getBody().get("message").asText()).contains(ExAnteProcess.VAR_EX_ANTE_REQUIRED);
    }

    String definition = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    ResponseEntity<JsonNode> startInTheMiddle = http.withBasicAuth("qijiang-perf", "demo").postForEntity(
        "/engine-rest/process-definition/" + definition + "/start", json(Map.of("businessKey", "X-1",
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", ExAnteProcess.TASK_LIST_PROJECT)))),
        JsonNode.class);
    assertThat(startInTheMiddle.getStatusCode().value()).as("%s", startInTheMiddle.getBody()).isEqualTo(403);

    assertThat(runtimeService.getVariable(instance, ExAnteProcess.VAR_EX_ANTE_REQUIRED)).isEqualTo(true);
    assertThat(taskService.getVariablesLocal(revise.getId())).doesNotContainKey(ExAnteProcess.VAR_EX_ANTE_REQUIRED);
  }

  @Test
  void engineErrorsAnswer4xxJsonWithoutJavaClassNames() {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    ResponseEntity<JsonNode> missing = unit.postForEntity("/engine-rest/task/no-such-task/complete",
        json(Map.of("variables", Map.of())), JsonNode.class);
    ResponseEntity<JsonNode> missingClaim = unit.postForEntity("/engine-rest/task/no-such-task/claim",
        json(Map.of("userId", "qijiang-edu")), JsonNode.class);
    ResponseEntity<JsonNode> badType = unit.postForEntity("/engine-rest/task/" + revise.getId() + "/complete",
        json(Map.of("variables", Map.of("revisionNote", Map.of("value", "x", "type", "NoSuchType")))), JsonNode.class);

    assertThat(missing.getStatusCode().value()).as("%s", missing.getBody()).isEqualTo(404);
    assertThat(missing.getBody().get("type").asText()).isEqualTo("NotFound");
    assertThat(missingClaim.getStatusCode().value()).as("%s", missingClaim.getBody()).isEqualTo(404);
    assertThat(badType.getStatusCode().value()).as("%s", badType.getBody()).isEqualTo(400);
    for (ResponseEntity<JsonNode> response : List.of(missing, missingClaim, badType)) {
      assertThat(response.getBody().toString()).doesNotContainPattern("Exception|org\\.camunda|java\\.");
      assertThat(response.getBody().get("message").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    }
  }

  @Test
  void tasklistsOwnRestIsGuardedToo() {
    HttpHeaders session = tasklistSession("qijiang-edu");
    String t = "/camunda/api/engine/engine/default/task/" + revise.getId();

    ResponseEntity<JsonNode> hostile = http.exchange(t + "/submit-form", HttpMethod.POST, new HttpEntity<>(
        Map.of("variables", Map.of(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, Map.of("value", false, "type", "Boolean"))),
        session), JsonNode.class);
    assertThat(hostile.getStatusCode().value()).as("%s", hostile.getBody()).isEqualTo(400);
    assertThat(hostile.getBody().get("message").asText()).contains("不能提交变量 financeReassessmentRequired");
    assertThat(taskService.createTaskQuery().taskId(revise.getId()).count()).isOne();

    ResponseEntity<JsonNode> honest = http.exchange(t + "/submit-form", HttpMethod.POST, new HttpEntity<>(
        Map.of("variables", Map.of(ExAnteProcess.VAR_REVISION_NOTE, Map.of("value", "已修改", "type", "String"))),
        session), JsonNode.class);
    assertThat(honest.getStatusCode().value()).as("%s", honest.getBody()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(revise.getId()).count()).isZero();
  }

  /** Headers of a Tasklist session after the webapp login: its cookies and the CSRF token. */
  private HttpHeaders tasklistSession(String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    Map<String, String> cookies = new java.util.LinkedHashMap<>();
    page.getHeaders().get(HttpHeaders.SET_COOKIE).forEach(c -> cookies.put(c.substring(0, c.indexOf('=')),
        c.substring(c.indexOf('=') + 1, c.indexOf(';'))));
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    login.add("X-XSRF-TOKEN", token);
    ResponseEntity<String> loggedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=demo", login), String.class);
    assertThat(loggedIn.getStatusCode().value()).isEqualTo(200);
    if (loggedIn.getHeaders().get(HttpHeaders.SET_COOKIE) != null) {
      loggedIn.getHeaders().get(HttpHeaders.SET_COOKIE).forEach(c -> cookies.put(c.substring(0, c.indexOf('=')),
          c.substring(c.indexOf('=') + 1, c.indexOf(';'))));
    }
    // the login starts a new session: its CSRF token comes with the next read
    HttpHeaders read = new HttpHeaders();
    read.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    ResponseEntity<String> whoAmI = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(read), String.class);
    if (whoAmI.getHeaders().get(HttpHeaders.SET_COOKIE) != null) {
      whoAmI.getHeaders().get(HttpHeaders.SET_COOKIE).forEach(c -> cookies.put(c.substring(0, c.indexOf('=')),
          c.substring(c.indexOf('=') + 1, c.indexOf(';'))));
    }
    if (whoAmI.getHeaders().getFirst("X-XSRF-TOKEN") != null) {
      token = whoAmI.getHeaders().getFirst("X-XSRF-TOKEN");
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    headers.add("X-XSRF-TOKEN", token);
    return headers;
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private Task reassessmentTask() {
    Task review = applications.awaitingReview("财政再评估期限项目");
    taskService.complete(review.getId(), Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE"));
    Task reassess = taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
    assertThat(reassess.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REASSESS);
    return reassess;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(JsonNode task) {
    Map<String, Object> map = new HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(task, Map.class));
    map.keySet().retainAll(List.of("name", "description", "priority", "assignee", "owner", "delegationState",
        "due", "followUp", "parentTaskId", "caseInstanceId", "tenantId"));
    return map;
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
