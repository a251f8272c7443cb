package org.jixiao.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistSession;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A refusal in Tasklist reads as one Chinese sentence: the webapp's submit-form answers 400 with our message
 * only, not Camunda's "Cannot submit task form …: ENGINE-03051 There was an exception while invoking the
 * TaskListener …" around it.
 */
@PlatformTest
class TasklistRefusalTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired Applications applications;

  @Test
  void aListenersRefusalIsOurSentenceOnly() throws Exception {
    Task review = applications.awaitingReview("学校围墙修缮项目");
    taskService.claim(review.getId(), "qijiang-supervisor");
    TasklistSession supervisor = TasklistSession.login(http, "qijiang-supervisor", "demo");

    ResponseEntity<String> refused = supervisor.submitForm(review.getId(), Map.of());

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(refused.getBody());
    assertThat(body.get("message").asText()).isEqualTo("请选择审核结论：通过、退回修改、退回上一步或不予通过");
    assertThat(refused.getBody()).doesNotContain("ENGINE-", "Cannot submit", "TaskListener", "Exception");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the task stays open").isOne();
  }

  @Test
  void theTaskGuardsRefusalIsOurSentenceOnly() throws Exception {
    Task review = applications.awaitingReview("学校围墙修缮项目");
    taskService.claim(review.getId(), "qijiang-supervisor");
    TasklistSession supervisor = TasklistSession.login(http, "qijiang-supervisor", "demo");

    ResponseEntity<String> refused = supervisor.submitForm(review.getId(),
        Map.of("exAnteRequired", Map.of("type", "Boolean", "value", false)));

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(refused.getBody());
    assertThat(body.get("message").asText()).startsWith("不能提交变量 exAnteRequired：");
    assertThat(refused.getBody()).doesNotContain("ENGINE-", "Cannot submit", "Exception");
  }
}
