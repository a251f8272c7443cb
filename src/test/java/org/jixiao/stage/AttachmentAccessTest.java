package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
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
 * A task's attachments and comments follow the task's readers on {@code /engine-rest}: another department
 * or another district gets the same 404 as for an id that does not exist (lists come back empty), and
 * nothing is deleted; the author reads and deletes their own; a supervisor who sees the task reads them
 * but cannot delete another's (an attachment: 404, since the engine's REST answers every refused deletion
 * of an attachment so; a comment: 403).
 */
@PlatformTest
class AttachmentAccessTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired Applications applications;

  Task task;
  Comment comment;
  Attachment attachment;

  @BeforeEach
  void qijiangEducationCommentedAndAttachedAFile() {
    task = applications.returnedForRevision("附件权限项目");
    // a supervisor who can see the task: a candidate of it
    taskService.addCandidateUser(task.getId(), "qijiang-supervisor");
    identityService.setAuthentication("qijiang-edu",
        identityService.createGroupQuery().groupMember("qijiang-edu").list().stream().map(Group::getId).toList(),
        identityService.createTenantQuery().userMember("qijiang-edu").list().stream().map(Tenant::getId).toList());
    try {
      comment = taskService.createComment(task.getId(), task.getProcessInstanceId(), "请补充绩效目标的测算依据");
      attachment = taskService.createAttachment("text/plain", task.getId(), task.getProcessInstanceId(),
          "测算说明.txt", "绩效目标测算说明", new ByteArrayInputStream("测算依据".getBytes(StandardCharsets.UTF_8)));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void anotherDepartmentOrDistrictIsAnsweredAsIfTheItemsDidNotExist() {
    for (String stranger : List.of("qijiang-health", "jilin-edu")) {
      TestRestTemplate caller = http.withBasicAuth(stranger, "demo");
      String t = "/engine-rest/task/" + task.getId();
      for (String path : List.of(t + "/comment/" + comment.getId(), t + "/attachment/" + attachment.getId(),
          t + "/attachment/" + attachment.getId() + "/data")) {
        ResponseEntity<String> response = caller.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as("%s GET %s: %s", stranger, path, response.getBody()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("测算");
      }
      ResponseEntity<String> deleted = caller.exchange(t + "/attachment/" + attachment.getId(), HttpMethod.DELETE,
          null, String.class);
      assertThat(deleted.getStatusCode().value()).as("%s: %s", stranger, deleted.getBody()).isEqualTo(404);
      ResponseEntity<String> commentDeleted = caller.exchange(t + "/comment/" + comment.getId(), HttpMethod.DELETE,
          null, String.class);
      assertThat(commentDeleted.getStatusCode().is4xxClientError()).as("%s", commentDeleted.getBody()).isTrue();
      assertThat(commentDeleted.getStatusCode().value()).isNotEqualTo(403);
      for (String list : List.of(t + "/comment", t + "/attachment",
          "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/comment")) {
        ResponseEntity<JsonNode> response = caller.getForEntity(list, JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s GET %s", stranger, list).isIn(200, 404);
        if (response.getStatusCode().value() == 200) {
          assertThat(response.getBody().isArray()).isTrue();
          assertThat(response.getBody()).as("%s GET %s", stranger, list).isEmpty();
        }
      }
      ResponseEntity<String> added = caller.postForEntity(t + "/comment/create", json(Map.of("message", "路过")), String.class);
      assertThat(added.getStatusCode().is4xxClientError()).as("%s", added.getBody()).isTrue();
    }
    assertThat(taskService.getTaskAttachment(task.getId(), attachment.getId())).isNotNull();
    assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .containsExactly("请补充绩效目标的测算依据");
  }

  @Test
  void theAuthorReadsItsItemsAndDeletesItsOwnAttachment() {
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    String t = "/engine-rest/task/" + task.getId();
    ResponseEntity<JsonNode> read = unit.getForEntity(t + "/comment/" + comment.getId(), JsonNode.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody().get("message").asText()).isEqualTo("请补充绩效目标的测算依据");
    assertThat(unit.getForEntity(t + "/attachment/" + attachment.getId(), JsonNode.class).getBody().get("name").asText())
        .isEqualTo("测算说明.txt");
    ResponseEntity<byte[]> data = unit.getForEntity(t + "/attachment/" + attachment.getId() + "/data", byte[].class);
    assertThat(data.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(data.getBody(), StandardCharsets.UTF_8)).isEqualTo("测算依据");
    assertThat(unit.getForEntity(t + "/attachment", JsonNode.class).getBody()).hasSize(1);
    assertThat(unit.getForEntity(t + "/comment", JsonNode.class).getBody()).hasSize(1);

    ResponseEntity<String> deleted = unit.exchange(t + "/attachment/" + attachment.getId(), HttpMethod.DELETE,
        null, String.class);
    assertThat(deleted.getStatusCode().value()).as("%s", deleted.getBody()).isEqualTo(204);
    assertThat(taskService.getTaskAttachment(task.getId(), attachment.getId())).isNull();
  }

  @Test
  void aSupervisorWhoSeesTheTaskReadsButCannotDeleteAnothersItems() {
    TestRestTemplate supervisor = http.withBasicAuth("qijiang-supervisor", "demo");
    String t = "/engine-rest/task/" + task.getId();
    assertThat(supervisor.getForEntity(t, JsonNode.class).getStatusCode().value()).as("sees the task").isEqualTo(200);
    assertThat(supervisor.getForEntity(t + "/attachment/" + attachment.getId(), JsonNode.class).getStatusCode().value())
        .isEqualTo(200);
    assertThat(supervisor.getForEntity(t + "/comment/" + comment.getId(), JsonNode.class).getStatusCode().value())
        .isEqualTo(200);

    ResponseEntity<String> deleted = supervisor.exchange(t + "/attachment/" + attachment.getId(), HttpMethod.DELETE,
        null, String.class);
    assertThat(deleted.getStatusCode().value()).as("the engine's REST answers any refused attachment deletion 404: %s",
        deleted.getBody()).isEqualTo(404);
    ResponseEntity<JsonNode> commentDeleted = supervisor.exchange(t + "/comment/" + comment.getId(), HttpMethod.DELETE,
        null, JsonNode.class);
    assertThat(commentDeleted.getStatusCode().value()).as("%s", commentDeleted.getBody()).isEqualTo(403);
    assertThat(commentDeleted.getBody().get("message").asText()).contains("只能修改或删除自己发表的评论");
    assertThat(taskService.getTaskAttachment(task.getId(), attachment.getId())).isNotNull();
    assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
