package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
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

/** {@code /engine-rest} and {@code /api} over HTTP: login required, the engine's authorizations obeyed. */
@PlatformTest
class RestSecurityTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired Applications applications;

  Task reviseTask;

  @BeforeEach
  void qijiangEducationHasAReturnedProject() {
    reviseTask = applications.returnedForRevision("学校食堂改造项目");
  }

  @Test
  void withoutLoginTheEngineRestAndTheApiAnswer401InChinese() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/api/projects/X-1",
        "/actuator/metrics")) {
      ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);

      assertThat(response.getStatusCode().value()).as(path).isEqualTo(401);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
      assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
      assertThat(response.getBody().get("message").asText()).contains("请先登录");
    }
  }

  @Test
  void aWrongPasswordIs401() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("qijiang-edu", "wrong").getForEntity("/engine-rest/task", JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().get("message").asText()).contains("用户名或密码错误");
  }

  @Test
  void theFormsSharedProjectSummaryIsServedToTasklist() {
    ResponseEntity<String> partial = http.getForEntity("/jixiao/forms/project-summary.html", String.class);

    assertThat(partial.getStatusCode().value()).isEqualTo(200);
    assertThat(partial.getBody()).contains("评估要求（本辖区规则）", "/jixiao/forms/opinions.html");
  }

  @Test
  void theFormsSharedTaskContextAndPartialsAreServedAndTasklistLoadsTheScript() {
    ResponseEntity<String> script = http.getForEntity("/jixiao/forms/task-context.js", String.class);
    ResponseEntity<String> decision = http.getForEntity("/jixiao/forms/decision.html", String.class);
    ResponseEntity<String> opinions = http.getForEntity("/jixiao/forms/opinions.html", String.class);
    ResponseEntity<String> config = http.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);

    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getBody()).contains("window.jixiaoTaskContext = function (scope, camForm, $injector, options)");
    assertThat(decision.getBody()).contains("本环节意见");
    assertThat(opinions.getBody()).contains("历次意见");
    assertThat(config.getBody()).contains("'../../../jixiao/forms/task-context.js'");
  }

  @Test
  void theGoalFormsSharedIndicatorTreeEditorIsServedToTasklist() {
    ResponseEntity<String> script = http.getForEntity("/jixiao/forms/goal-tree-editor.js", String.class);
    ResponseEntity<String> markup = http.getForEntity("/jixiao/forms/goal-tree-editor.html", String.class);

    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getBody()).contains("window.jixiaoGoalTreeEditor = function (scope, $http, camForm, options)");
    assertThat(markup.getStatusCode().value()).isEqualTo(200);
    assertThat(markup.getBody()).contains("共性指标库", "权重合计");
  }

  @Test
  void healthIsPublicForProbes() {
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theApplyingDepartmentSeesItsTaskOverRestAndOthersDoNot() {
    assertThat(taskIds("qijiang-edu")).contains(reviseTask.getId());
    assertThat(taskIds("qijiang-health")).doesNotContain(reviseTask.getId());
    assertThat(taskIds("enyang-edu")).doesNotContain(reviseTask.getId());
    assertThat(http.withBasicAuth("enyang-edu", "demo")
        .getForEntity("/engine-rest/task/" + reviseTask.getId(), JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void anotherDepartmentCannotCompleteTheTaskAndIsAnsweredAsForAnIdThatDoesNotExist() {
    ResponseEntity<JsonNode> response = complete("qijiang-health");

    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getBody().get("message").asText()).contains("不存在");
    assertThat(taskService.createTaskQuery().taskId(reviseTask.getId()).count()).as("still open").isOne();
  }

  @Test
  void anotherDistrictCannotCompleteTheTaskAndIsAnsweredAsForAnIdThatDoesNotExist() {
    ResponseEntity<JsonNode> response = complete("enyang-edu");

    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getBody().get("message").asText()).contains("不存在");
    assertThat(taskService.createTaskQuery().taskId(reviseTask.getId()).count()).as("still open").isOne();
  }

  @Test
  void aCompletionTheProcessRefusesIs400WithItsChineseMessageAndTheTaskStaysOpen() {
    Task review = applications.awaitingReview("校园安全提升项目");
    TestRestTemplate supervisor = http.withBasicAuth("qijiang-supervisor", "demo");
    supervisor.postForEntity("/engine-rest/task/" + review.getId() + "/claim",
        json(Map.of("userId", "qijiang-supervisor")), String.class);

    ResponseEntity<JsonNode> response = supervisor.postForEntity("/engine-rest/task/" + review.getId() + "/complete",
        json(Map.of("variables", Map.of())), JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText()).isEqualTo("请选择审核结论：通过、退回修改、退回上一步或不予通过");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
  }

  @Test
  void theApplyingDepartmentCompletesItOverRest() {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    assertThat(unit.postForEntity("/engine-rest/task/" + reviseTask.getId() + "/claim",
        json(Map.of("userId", "qijiang-edu")), String.class).getStatusCode().value()).isEqualTo(204);

    assertThat(complete("qijiang-edu").getStatusCode().value()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(reviseTask.getId()).count()).isZero();
  }

  @Test
  void theApplyingDepartmentCommentsOnItsTaskAndReadsItsHistoryButNotAnotherDepartments() {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    ResponseEntity<JsonNode> comment = unit.postForEntity("/engine-rest/task/" + reviseTask.getId()
        + "/comment/create", json(Map.of("message", "已按意见补充材料")), JsonNode.class);
    assertThat(comment.getStatusCode().value()).isEqualTo(200);
    assertThat(unit.getForEntity("/engine-rest/task/" + reviseTask.getId() + "/comment", JsonNode.class)
        .getBody()).hasSize(1);
    assertThat(unit.getForEntity("/engine-rest/history/process-instance?processInstanceId="
        + reviseTask.getProcessInstanceId(), JsonNode.class).getBody()).hasSize(1);

    TestRestTemplate other = http.withBasicAuth("qijiang-health", "demo");
    assertThat(other.getForEntity("/engine-rest/task/" + reviseTask.getId() + "/comment", JsonNode.class)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(other.getForEntity("/engine-rest/history/process-instance?processInstanceId="
        + reviseTask.getProcessInstanceId(), JsonNode.class).getBody()).isEmpty();
  }

  @Test
  void theAdministratorOpensAdminAndCockpitAndSeesEveryDistrict() {
    for (String app : List.of("admin", "cockpit", "tasklist")) {
      assertThat(webappLogin("demo", app)).as(app).isEqualTo(200);
    }
    assertThat(webappLogin("qijiang-perf", "cockpit")).isEqualTo(200);
    // the right password, but not this webapp: 403 (it was 401 while a wrong password elsewhere in this class
    // locked the account for a few seconds; the per-user lock is off now)
    assertThat(webappLogin("qijiang-edu", "cockpit")).as("no Cockpit for budget units").isEqualTo(403);
    assertThat(webappLogin("qijiang-edu", "admin")).isEqualTo(403);
    JsonNode instances = http.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/process-instance?maxResults=1000", JsonNode.class).getBody();
    List<String> tenants = new ArrayList<>();
    instances.forEach(i -> tenants.add(i.get("tenantId").asText()));
    assertThat(tenants).contains("qijiang", "enyang", "jilin", "chongqing", "gaomi");
  }

  private int webappLogin(String user, String app) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList()));
    headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    return http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=demo", headers), String.class).getStatusCode().value();
  }

  private ResponseEntity<JsonNode> complete(String userId) {
    return http.withBasicAuth(userId, "demo").exchange("/engine-rest/task/" + reviseTask.getId() + "/complete",
        HttpMethod.POST, json(Map.of("variables",
            Map.of(ExAnteProcess.VAR_REVISION_NOTE, Map.of("value", "已修改", "type", "String")))),
        JsonNode.class);
  }

  private List<String> taskIds(String userId) {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth(userId, "demo").getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.getBody().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
