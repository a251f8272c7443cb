package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Text with control characters, bidi overrides, only zero-width characters or lone surrogates is refused
 * (400, a Chinese message naming the field) wherever it enters, and nothing is stored.
 */
@PlatformTest
class HostileTextTest {

  /** One hostile text of each kind, as JSON string literals (the lone surrogate as the escape a client sends). */
  static final List<String> HOSTILE = List.of("\"学校\\u0000食堂\"", "\"食堂\\u202Egpj.exe\"", "\"\\u200B\\u200B\"",
      "\"食堂\\uD800\"", "\"食堂\\u0085\"", "\"\\u2066食堂\"");

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired Applications applications;

  Task review;

  @BeforeEach
  void qijiangSupervisorHasAnApplicationToReview() {
    review = applications.awaitingReview("学校食堂改造项目");
  }

  @Test
  void aProjectApplicationWithAHostileNameIs400NamingTheFieldAndNothingIsStored() {
    Integer before = jdbc.queryForObject("select count(*) from project", Integer.class);
    for (String name : HOSTILE) {
      String body = """
          {"code": "H-%d", "name": %s, "district": "qijiang", "department": "qijiang-education",
           "itemType": "GENERAL_POLICY", "budgetStage": "ANNUAL", "amount": 100000, "newSpending": true,
           "fundSource": "GENERAL_PUBLIC_BUDGET", "periodYears": 1}""".formatted(System.nanoTime(), name);
      ResponseEntity<JsonNode> response = http.withBasicAuth("qijiang-edu", "demo")
          .postForEntity("/api/projects", json(body), JsonNode.class);

      assertThat(response.getStatusCode().value()).as(name).isEqualTo(400);
      assertThat(response.getBody().get("message").asText()).as(name).startsWith("字段 name ").endsWith("请删除后重新提交");
      assertThat(response.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("name");
    }
    assertThat(jdbc.queryForObject("select count(*) from project", Integer.class)).isEqualTo(before);
  }

  @Test
  void aNestedFieldIsNamedByItsPath() {
    String body = """
        {"reason": "指标口径调整", "goals": {"overallGoal": "改善就餐条件",
         "indicators": [{"level2": "QUANTITY", "name": "改造食堂数量", "comparator": "GE", "targetValue": 3},
                        {"level2": "QUALITY", "name": "\\u202E%%001", "comparator": "GE", "targetValue": 95}]}}""";
    ResponseEntity<JsonNode> response = http.withBasicAuth("qijiang-edu", "demo")
        .postForEntity("/api/goal-sets/QJ-2026-003/adjustments", json(body), JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText())
        .isEqualTo("字段 goals.indicators[1].name 含有改变文字显示方向的控制字符 U+202E，请删除后重新提交");
  }

  @Test
  void aTaskTextInputIsRefusedThroughTheEngineRestAndTasklist() {
    for (String comment : HOSTILE) {
      String body = "{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}, \"reviewComment\": {\"value\": "
          + comment + "}}}";
      ResponseEntity<JsonNode> response = http.withBasicAuth("qijiang-supervisor", "demo")
          .postForEntity("/engine-rest/task/" + review.getId() + "/complete", json(body), JsonNode.class);

      assertThat(response.getStatusCode().value()).as(comment).isEqualTo(400);
      assertThat(response.getBody().get("type").asText()).isEqualTo("BadRequest");
      assertThat(response.getBody().get("message").asText()).as(comment).startsWith("变量 reviewComment ");
    }
    ResponseEntity<String> tasklist = TasklistSession.login(http, "qijiang-supervisor", "demo").submitForm(review.getId(),
        Map.of(ExAnteProcess.VAR_REVIEW_DECISION, Map.of("type", "String", "value", "APPROVE"),
            "reviewComment", Map.of("type", "String", "value", "同意\u202E")));
    assertThat(tasklist.getStatusCode().value()).as(tasklist.getBody()).isEqualTo(400);
    assertThat(tasklist.getBody()).contains("变量 reviewComment 含有改变文字显示方向的控制字符 U+202E");

    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the task stays open").isEqualTo(1);
    assertThat(taskService.getVariable(review.getId(), "reviewComment")).isNull();
  }

  @Test
  void commentsAndAttachmentNamesAreChecked() {
    TestRestTemplate supervisor = http.withBasicAuth("qijiang-supervisor", "demo");
    String t = "/engine-rest/task/" + review.getId();
    for (String message : HOSTILE) {
      ResponseEntity<JsonNode> comment = supervisor.postForEntity(t + "/comment/create",
          json("{\"message\": " + message + "}"), JsonNode.class);
      assertThat(comment.getStatusCode().value()).as(message).isEqualTo(400);
      assertThat(comment.getBody().get("message").asText()).startsWith("评论内容 ");
    }

    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("attachment-name", "说明\u202Etxt.exe");
    form.add("attachment-description", "测算依据");
    form.add("attachment-type", "text/plain");
    form.add("content", new ByteArrayResource("测算依据".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "a.txt";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> attachment = supervisor.postForEntity(t + "/attachment/create",
        new HttpEntity<>(form, headers), JsonNode.class);
    assertThat(attachment.getStatusCode().value()).as("%s", attachment.getBody()).isEqualTo(400);
    assertThat(attachment.getBody().get("message").asText()).startsWith("附件名称 含有改变文字显示方向的控制字符 U+202E");

    assertThat(taskService.getTaskComments(review.getId())).isEmpty();
    assertThat(taskService.getTaskAttachments(review.getId())).isEmpty();

    ResponseEntity<JsonNode> fine = supervisor.postForEntity(t + "/comment/create",
        json("{\"message\": \"请补充测算依据\"}"), JsonNode.class);
    assertThat(fine.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void usersGroupsDistrictsAndFiltersAreCheckedForTheAdministratorToo() {
    TestRestTemplate admin = http.withBasicAuth("demo", "demo");
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long tenants = identityService.createTenantQuery().count();
    long filters = filterService.createFilterQuery().count();
    for (String text : HOSTILE) {
      assertRefused(admin.postForEntity("/engine-rest/user/create", json("""
          {"profile": {"id": "hostile-%d", "firstName": %s, "lastName": "张", "email": "a@example.org"},
           "credentials": {"password": "Jixiao-Test-2027!x"}}""".formatted(System.nanoTime(), text)), JsonNode.class), "名 ");
      assertRefused(admin.postForEntity("/engine-rest/user/create", json("""
          {"profile": {"id": "hostile-%d", "firstName": "三", "lastName": "张", "email": %s},
           "credentials": {"password": "Jixiao-Test-2027!x"}}""".formatted(System.nanoTime(), text)), JsonNode.class),
          "电子邮箱 ");
      assertRefused(admin.postForEntity("/engine-rest/group/create",
          json("{\"id\": \"hostile-%d\", \"name\": %s, \"type\": \"DEPARTMENT\"}".formatted(System.nanoTime(), text)),
          JsonNode.class), "组名称 ");
      assertRefused(admin.postForEntity("/engine-rest/tenant/create",
          json("{\"id\": \"hostile-%d\", \"name\": %s}".formatted(System.nanoTime(), text)), JsonNode.class), "辖区名称 ");
      assertRefused(admin.postForEntity("/engine-rest/filter/create",
          json("{\"resourceType\": \"Task\", \"name\": %s, \"query\": {}}".formatted(text)), JsonNode.class), "过滤器名称 ");
    }
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createTenantQuery().count()).isEqualTo(tenants);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void anExistingUsersProfileCannotBeChangedToHostileText() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("qijiang-edu", "demo").exchange(
        "/engine-rest/user/qijiang-edu/profile", org.springframework.http.HttpMethod.PUT,
        json("{\"id\": \"qijiang-edu\", \"firstName\": \"\\u202E\", \"lastName\": \"张\", \"email\": \"a@example.org\"}"),
        JsonNode.class);

    assertRefused(response, "名 ");
    assertThat(identityService.createUserQuery().userId("qijiang-edu").singleResult().getFirstName()).doesNotContain("\u202E");
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, String field) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getBody().get("type").asText()).isEqualTo("BadRequest");
    assertThat(response.getBody().get("message").asText()).startsWith(field).endsWith("请删除后重新提交");
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
