package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistSession;
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
 * Errors of {@code /engine-rest}, the webapps' {@code /camunda/api} and {@code /api} are JSON with a Chinese
 * message and a stable type, never Jackson's text or a Java class name, never a 500 a user can cause; and an id
 * of another department or district is answered exactly as an id that does not exist.
 */
@PlatformTest
class ErrorBodiesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Applications applications;

  Task review;

  @BeforeEach
  void qijiangSupervisorHasAnApplicationToReview() {
    review = applications.awaitingReview("学校食堂改造项目");
  }

  @Test
  void badJsonAWrongFieldTypeOrAWrongParameterIs400JsonNamingTheField() {
    TestRestTemplate supervisor = http.withBasicAuth("qijiang-supervisor", "demo");
    String complete = "/engine-rest/task/" + review.getId() + "/complete";
    assertError(supervisor.postForEntity(complete, json("{"), String.class), 400, "请求内容不是有效的 JSON，或字段类型不对");
    assertError(supervisor.postForEntity(complete, json("{\"variables\": \"x\"}"), String.class), 400,
        "字段 variables 的取值无效（类型或格式不对）");
    assertError(supervisor.postForEntity("/engine-rest/task", json("{\"dueAfter\": \"明天\"}"), String.class), 400,
        "字段 dueAfter 的取值无效（类型或格式不对）");
    assertError(supervisor.getForEntity("/engine-rest/task?maxResults=abc", String.class), 400, "参数 maxResults 的值无效");
    assertError(supervisor.getForEntity("/engine-rest/task?sortBy=nope&sortOrder=asc", String.class), 400, "请求有误");
    assertError(supervisor.getForEntity("/engine-rest/task?dueAfter=notadate", String.class), 400, "请求有误");
    assertError(TasklistSession.login(http, "qijiang-supervisor", "demo").post(
        "/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form", "{"), 400,
        "请求内容不是有效的 JSON，或字段类型不对");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
  }

  @Test
  void unknownPathsAre404AndWrongMethods405InJson() {
    TestRestTemplate supervisor = http.withBasicAuth("qijiang-supervisor", "demo");
    assertError(supervisor.getForEntity("/engine-rest/nope", String.class), 404, "请求的地址不存在");
    assertError(supervisor.getForEntity("/engine-rest/task/" + review.getId() + "/nope", String.class), 404, "请求的地址不存在");
    assertThat(status(supervisor.getForEntity("/api/nope", String.class))).isEqualTo(404);
    assertThat(status(supervisor.exchange("/api/projects", HttpMethod.DELETE, null, String.class))).isEqualTo(405);
    assertError(supervisor.getForEntity("/engine-rest/task/" + review.getId() + "/complete", String.class), 405, "该地址不支持此请求方式");
    HttpHeaders xml = new HttpHeaders();
    xml.setAccept(List.of(MediaType.APPLICATION_XML));
    assertError(supervisor.exchange("/engine-rest/task/" + review.getId(), HttpMethod.GET, new HttpEntity<>(xml), String.class),
        406, "无法以所要求的格式答复，请接受 application/json");
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    assertError(supervisor.postForEntity("/engine-rest/task/" + review.getId() + "/complete", new HttpEntity<>("x", text),
        String.class), 415, "不支持的内容类型，请以 application/json 提交");
  }

  @Test
  void anotherDepartmentsOrDistrictsIdIsAnsweredExactlyAsAnIdThatDoesNotExist() {
    String t = "/engine-rest/task/" + review.getId();
    String pi = "/engine-rest/process-instance/" + review.getProcessInstanceId();
    List<String> paths = List.of(t, t + "/variables", t + "/variables/projectCode", t + "/form-variables",
        t + "/identity-links", t + "/form", t + "/rendered-form", t + "/comment", t + "/attachment",
        pi, pi + "/variables", pi + "/variables/projectCode", pi + "/activity-instances",
        "/engine-rest/history/process-instance/" + review.getProcessInstanceId(),
        "/engine-rest/execution/" + review.getProcessInstanceId(),
        "/engine-rest/process-definition/" + review.getProcessDefinitionId(),
        "/engine-rest/process-definition/" + review.getProcessDefinitionId() + "/xml");
    for (String user : List.of("enyang-edu", "qijiang-health")) {
      TestRestTemplate stranger = http.withBasicAuth(user, "demo");
      for (String path : paths) {
        if (user.equals("qijiang-health") && path.contains("process-definition")) {
          continue; // the district's models are readable to all its users
        }
        ResponseEntity<String> foreign = stranger.getForEntity(path, String.class);
        ResponseEntity<String> missing = stranger.getForEntity(missing(path), String.class);

        assertThat(status(foreign)).as("%s %s: %s", user, path, foreign.getBody()).isEqualTo(404);
        assertThat(body(foreign)).as("%s %s", user, path).isEqualTo(body(missing));
        assertThat(body(foreign).get("message").asText()).contains("不存在");
        assertThat(body(foreign).has("detail")).as("no engine text that differs").isFalse();
      }
    }
    TestRestTemplate enyangSupervisor = http.withBasicAuth("enyang-supervisor", "demo");
    List<ResponseEntity<String>> actions = List.of(
        enyangSupervisor.postForEntity(t + "/complete", json("{}"), String.class),
        enyangSupervisor.postForEntity(t + "/claim", json("{\"userId\": \"enyang-supervisor\"}"), String.class),
        enyangSupervisor.postForEntity(t + "/claim", json("{\"userId\": \"qijiang-supervisor\"}"), String.class),
        enyangSupervisor.postForEntity(t + "/complete", json("{\"variables\": {\"nope\": {\"value\": 1}}}"), String.class),
        enyangSupervisor.exchange(t + "/localVariables/x", HttpMethod.PUT, json("{\"value\": 1}"), String.class),
        enyangSupervisor.exchange(pi, HttpMethod.DELETE, null, String.class));
    ResponseEntity<String> missing = enyangSupervisor.postForEntity(missing(t) + "/complete", json("{}"), String.class);
    for (ResponseEntity<String> action : actions) {
      assertThat(status(action)).as("%s", action.getBody()).isEqualTo(404);
      assertThat(body(action)).isEqualTo(body(missing));
    }
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).count()).isOne();
  }

  @Test
  void tasklistReadingAJustCompletedTaskIs404JsonAndAnotherDistrictsTheSameAsAMissingOne() {
    TasklistSession supervisor = TasklistSession.login(http, "qijiang-supervisor", "demo");
    ResponseEntity<String> done = supervisor.submitForm(review.getId(),
        Map.of(ExAnteProcess.VAR_REVIEW_DECISION, Map.of("type", "String", "value", "APPROVE")));
    assertThat(status(done)).as(done.getBody()).isEqualTo(204);
    String engine = "/camunda/api/engine/engine/default";
    for (String path : List.of("/task/" + review.getId() + "/form-variables", "/task/" + review.getId(),
        "/task/" + review.getId() + "/form", "/task/" + review.getId() + "/deployed-form")) {
      ResponseEntity<String> response = supervisor.get(engine + path);
      assertThat(status(response)).as("%s: %s", path, response.getBody()).isIn(400, 404);
      assertThat(body(response).get("type").asText()).isIn("NotFound", "BadRequest");
    }

    Task other = applications.awaitingReview("学校操场改造项目");
    TasklistSession enyang = TasklistSession.login(http, "enyang-supervisor", "demo");
    for (String path : List.of("/task/" + other.getId() + "/form-variables", "/task/" + other.getId(),
        "/process-instance/" + other.getProcessInstanceId() + "/variables")) {
      ResponseEntity<String> foreign = enyang.get(engine + path);
      ResponseEntity<String> missing = enyang.get(engine + missing(path));
      assertThat(status(foreign)).as("%s: %s", path, foreign.getBody()).isEqualTo(404);
      assertThat(body(foreign)).isEqualTo(body(missing));
    }
  }

  private String missing(String path) {
    return path.replace(review.getId(), "00000000-0000-0000-0000-000000000000")
        .replace(review.getProcessInstanceId(), "00000000-0000-0000-0000-000000000001")
        .replace(review.getProcessDefinitionId(), "Process_Nope:1:00000000")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-11f1-[0-9a-f]{4}-[0-9a-f]{12}", "00000000-0000-0000-0000-000000000002");
  }

  @Test
  void aWrongWebappLoginAndAnUnknownPathAreJsonInChineseNotSpringsErrorText() {
    // from an address of its own: the login throttle counts failures per address
    String address = "198.18." + new java.util.Random().nextInt(256) + "." + (1 + new java.util.Random().nextInt(254));
    ResponseEntity<String> login = TasklistSession.attemptLogin(http, "qijiang-supervisor", "wrong", address);
    assertError(login, 401, "未登录，或用户名、密码错误");
    assertThat(login.getBody()).doesNotContain("\"error\":\"Unauthorized\"").contains("\"error\":\"未登录\"");

    ResponseEntity<String> unknown = http.withBasicAuth("qijiang-supervisor", "demo")
        .getForEntity("/no-such-page", String.class);
    assertThat(status(unknown)).as("%s", unknown.getBody()).isEqualTo(404);
    assertThat(body(unknown).get("status").asInt()).isEqualTo(404);
    assertThat(body(unknown).get("message").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    assertThat(unknown.getBody()).doesNotContain("Not Found", "java.", "Exception");
  }

  private static void assertError(ResponseEntity<String> response, int status, String message) {
    assertThat(status(response)).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode body = body(response);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("type").asText()).matches("[A-Z][A-Za-z]+");
    assertThat(body.get("message").asText()).isEqualTo(message);
    assertThat(response.getBody()).doesNotContain("jackson", "java.", "Exception", "`");
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }

  private static JsonNode body(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.getBody(), e);
    }
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
