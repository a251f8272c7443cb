package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.Applications;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two users on the same task at the same moment, with real threads through the REST surfaces: exactly one
 * wins, the other gets 409 JSON in Chinese (never 500), and the record shows one opinion.
 */
@PlatformTest
class TaskRaceTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired Applications applications;
  @Autowired ProjectService projects;
  @Autowired org.jixiao.stage.Opinions opinions;
  @Autowired javax.sql.DataSource dataSource;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @RepeatedTest(3)
  void twoCompletionsOfTheSameTask_oneWinsTheOtherGets409_oneOpinionRecorded() throws Exception {
    Task review = applications.awaitingReview("并发办理项目");
    String code = runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId())
        .singleResult().getBusinessKey();
    Supplier<ResponseEntity<JsonNode>> complete = () -> http.withBasicAuth("qijiang-supervisor", "demo")
        .postForEntity("/engine-rest/task/" + review.getId() + "/complete", json(Map.of("variables", Map.of(
            ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "APPROVE", "type", "String")))), JsonNode.class);

    List<ResponseEntity<JsonNode>> answers = atOnce(complete, complete);

    assertOneWinnerOneConflict(answers);
    assertThat(opinions.ofSubject(org.jixiao.stage.SubjectType.PROJECT, code).stream()
        .filter(o -> ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR.equals(o.getStep())).count()).isOne();
  }

  /**
   * A completion locks its task's row before it does any work: while another transaction holds that row (as a
   * competing completion does until it commits), the completion waits instead of running the task's steps; once
   * the row is free it goes through.
   */
  @Test
  void aCompletionWaitsForTheTaskRowHeldByAnotherTransactionThenGoesThrough() throws Exception {
    Task review = applications.awaitingReview("锁定办理项目");
    Future<ResponseEntity<JsonNode>> completion;
    try (java.sql.Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (java.sql.PreparedStatement lock = holder.prepareStatement("select ID_ from ACT_RU_TASK where ID_ = ? for update")) {
        lock.setString(1, review.getId());
        assertThat(lock.executeQuery().next()).isTrue();
      }
      completion = threads.submit(() -> http.withBasicAuth("qijiang-supervisor", "demo")
          .postForEntity("/engine-rest/task/" + review.getId() + "/complete", json(Map.of("variables", Map.of(
              ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "APPROVE", "type", "String")))), JsonNode.class));
      Thread.sleep(1500);
      assertThat(completion.isDone()).as("the completion waits for the task's row").isFalse();
      assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
      holder.rollback();
    }
    ResponseEntity<JsonNode> answer = completion.get(60, TimeUnit.SECONDS);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
  }

  @RepeatedTest(3)
  void twoClaimsOfTheSameTask_oneWinsTheOtherGets409() throws Exception {
    Task sharedTask = sharedTask();
    Supplier<ResponseEntity<JsonNode>> first = () -> claim(sharedTask, "qijiang-committee");
    Supplier<ResponseEntity<JsonNode>> second = () -> claim(sharedTask, "qijiang-committee2");

    List<ResponseEntity<JsonNode>> answers = atOnce(first, second);

    assertOneWinnerOneConflict(answers);
    String assignee = taskService.createTaskQuery().taskId(sharedTask.getId()).singleResult().getAssignee();
    assertThat(assignee).isEqualTo(answers.get(0).getStatusCode().is2xxSuccessful() ? "qijiang-committee" : "qijiang-committee2");
  }

  @RepeatedTest(3)
  void aWithdrawalRacingAClaim_exactlyOneSucceedsTheOtherGets409() throws Exception {
    Task review = applications.awaitingReview("撤回与认领并发项目");
    String code = runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId())
        .singleResult().getBusinessKey();
    Supplier<ResponseEntity<JsonNode>> withdraw = () -> http.withBasicAuth("qijiang-edu", "demo")
        .postForEntity("/api/projects/" + code + "/withdraw", null, JsonNode.class);
    Supplier<ResponseEntity<JsonNode>> claim = () -> claim(review, "qijiang-supervisor");

    List<ResponseEntity<JsonNode>> answers = atOnce(withdraw, claim);

    assertOneWinnerOneConflict(answers);
    boolean withdrawn = answers.get(0).getStatusCode().is2xxSuccessful();
    assertThat(projects.project(code).getStatus().name()).isEqualTo(withdrawn ? "WITHDRAWN" : "SUBMITTED");
    if (withdrawn) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    } else {
      assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
          .isEqualTo("qijiang-supervisor");
    }
  }

  @Test
  void aWithdrawalAfterTheClaimIs409AndAClaimAfterTheWithdrawalIs409() {
    Task claimedFirst = applications.awaitingReview("先认领后撤回项目");
    String first = businessKey(claimedFirst);
    assertThat(claim(claimedFirst, "qijiang-supervisor").getStatusCode().value()).isEqualTo(204);
    ResponseEntity<JsonNode> lateWithdrawal = http.withBasicAuth("qijiang-edu", "demo")
        .postForEntity("/api/projects/" + first + "/withdraw", null, JsonNode.class);
    assertThat(lateWithdrawal.getStatusCode().value()).isEqualTo(409);
    assertThat(lateWithdrawal.getBody().get("message").asText()).contains("不能撤回");

    Task withdrawnFirst = applications.awaitingReview("先撤回后认领项目");
    assertThat(http.withBasicAuth("qijiang-edu", "demo").postForEntity("/api/projects/" + businessKey(withdrawnFirst)
        + "/withdraw", null, JsonNode.class).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<JsonNode> lateClaim = claim(withdrawnFirst, "qijiang-supervisor");
    assertThat(lateClaim.getStatusCode().value()).isEqualTo(409);
    assertThat(lateClaim.getBody().get("type").asText()).isEqualTo("Conflict");
    assertThat(lateClaim.getBody().get("message").asText()).contains("请刷新后重试");
  }

  @Test
  void aTaskClaimedByOneUserCannotBeCompletedOrFilledInByAnotherCandidate() {
    Task sharedTask = sharedTask();
    assertThat(claim(sharedTask, "qijiang-committee").getStatusCode().value()).isEqualTo(204);
    TestRestTemplate other = http.withBasicAuth("qijiang-committee2", "demo");
    Map<String, Object> variables = Map.of(ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "RETURN", "type", "String"));

    ResponseEntity<JsonNode> completion = other.postForEntity("/engine-rest/task/" + sharedTask.getId() + "/complete",
        json(Map.of("variables", variables)), JsonNode.class);
    ResponseEntity<JsonNode> form = other.postForEntity("/engine-rest/task/" + sharedTask.getId() + "/submit-form",
        json(Map.of("variables", variables)), JsonNode.class);
    ResponseEntity<JsonNode> write = other.postForEntity("/engine-rest/task/" + sharedTask.getId() + "/variables",
        json(Map.of("modifications", variables)), JsonNode.class);
    ResponseEntity<JsonNode> unclaim = other.postForEntity("/engine-rest/task/" + sharedTask.getId() + "/unclaim",
        null, JsonNode.class);

    for (ResponseEntity<JsonNode> response : List.of(completion, form, write, unclaim)) {
      assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
      assertThat(response.getBody().get("type").asText()).isEqualTo("Forbidden");
      assertThat(response.getBody().get("message").asText()).contains("qijiang-committee");
    }
    Task still = taskService.createTaskQuery().taskId(sharedTask.getId()).singleResult();
    assertThat(still.getAssignee()).isEqualTo("qijiang-committee");
    assertThat(taskService.getVariable(sharedTask.getId(), ExAnteProcess.VAR_REVIEW_DECISION)).isNull();

    ResponseEntity<JsonNode> own = http.withBasicAuth("qijiang-committee", "demo").postForEntity(
        "/engine-rest/task/" + sharedTask.getId() + "/complete", json(Map.of("variables", variables)), JsonNode.class);
    assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(204);
  }

  /**
   * A task two users may claim: 联合会审 of a qijiang project, offered to the budget committee, with a second
   * committee member (expert seats are named since independent review: each belongs to one expert).
   */
  private Task sharedTask() {
    ensureSecondCommitteeMember();
    Task review = applications.awaitingReview("会审认领项目");
    String instance = runtimeService.createProcessInstanceByKey(ExAnteProcess.KEY).processDefinitionTenantId("qijiang")
        .businessKey(businessKey(review))
        .setVariables(Map.of(ExAnteProcess.VAR_EXPERT_PANEL_SIZE, 3, ExAnteProcess.VAR_EXPERT_PASS_PERCENT, 60,
            ExAnteProcess.VAR_TASK_DUE_DURATION, "P10D", ExAnteProcess.VAR_REMINDER_DURATION, "P7D",
            ExAnteProcess.VAR_DEPARTMENT_GROUP, "qijiang-education"))
        .startBeforeActivity(ExAnteProcess.TASK_JOINT_REVIEW)
        .execute().getId();
    runtimeService.deleteProcessInstance(review.getProcessInstanceId(), "the test uses the joint review's instance");
    return taskService.createTaskQuery().processInstanceId(instance).list().get(0);
  }

  private void ensureSecondCommitteeMember() {
    var identity = identityService;
    if (identity.createUserQuery().userId("qijiang-committee2").count() == 0) {
      var user = identity.newUser("qijiang-committee2");
      user.setFirstName("会审委员");
      user.setPassword("demo");
      org.jixiao.identity.PasswordRules.saveIgnoringPolicy(identity, user);
      identity.createMembership("qijiang-committee2", org.jixiao.identity.Role.BUDGET_COMMITTEE.groupId());
      identity.createTenantUserMembership("qijiang", "qijiang-committee2");
    }
  }

  private String businessKey(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  private ResponseEntity<JsonNode> claim(Task task, String user) {
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/claim",
        json(Map.of("userId", user)), JsonNode.class);
  }

  /** Both calls released at the same moment from two threads; answers in the order of the calls. */
  @SafeVarargs
  private List<ResponseEntity<JsonNode>> atOnce(Supplier<ResponseEntity<JsonNode>>... calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.length);
    List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
    for (Supplier<ResponseEntity<JsonNode>> call : calls) {
      futures.add(threads.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return call.get();
      }));
    }
    List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
    for (Future<ResponseEntity<JsonNode>> future : futures) {
      answers.add(future.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static void assertOneWinnerOneConflict(List<ResponseEntity<JsonNode>> answers) {
    List<Integer> statuses = answers.stream().map(a -> a.getStatusCode().value()).toList();
    assertThat(statuses.stream().map(s -> s == 200 ? 204 : s).sorted().toList())
        .as("%s %s", statuses, answers.stream().map(ResponseEntity::getBody).toList())
        .containsExactly(204, 409);
    ResponseEntity<JsonNode> loser = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow();
    assertThat(loser.getBody().get("status").asInt()).isEqualTo(409);
    assertThat(loser.getBody().get("message").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    assertThat(loser.getBody().toString()).doesNotContain("Exception");
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
