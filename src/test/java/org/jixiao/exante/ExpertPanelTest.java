package org.jixiao.exante;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.PlatformTest;
import org.jixiao.project.Applications;
import org.jixiao.system.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 独立论证: finance chooses the panel or draws it with a recorded seed from the district's pool, never with an
 * expert of the applying department; each seat is one named expert's; an expert of an open panel reads the
 * project and the other opinions but not the other experts' votes. Qijiang: five seats, 60 % to pass; the demo
 * pool has qijiang-expert1 affiliated with the education department (the applicant here), expert2 with health.
 */
@PlatformTest
class ExpertPanelTest {

  static final String APPLICANT_EXPERT = "qijiang-expert1";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Applications applications;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  // ---- composing the panel ----

  @Test
  void aChosenPanelGivesEachChosenExpertOneSeat() {
    ProcessInstance instance = atReassessment("指定专家组项目");

    reassess(instance, "CHOOSE", "qijiang-expert3, qijiang-expert4，qijiang-expert5,qijiang-expert6 qijiang-expert7", null);

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_EXPERT_REVIEW).hasPassed(ExAnteProcess.TASK_COMPOSE_EXPERT_PANEL);
    assertThat(seats(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder("qijiang-expert3",
        "qijiang-expert4", "qijiang-expert5", "qijiang-expert6", "qijiang-expert7");
    assertThat(seats(instance)).allSatisfy(seat ->
        assertThat(taskService.getIdentityLinksForTask(seat.getId())).noneMatch(l -> l.getGroupId() != null));
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(ExAnteProcess.VAR_EXPERT_PANEL_MODE,
        ExAnteProcess.VAR_EXPERT_PANEL_CHOICE);
    JsonNode draws = get("qijiang-perf", "/api/projects/" + instance.getBusinessKey() + "/expert-panels", 200);
    assertThat(draws).hasSize(1);
    assertThat(draws.get(0).get("mode").asText()).isEqualTo("CHOOSE");
    assertThat(draws.get(0).get("modeLabel").asText()).isEqualTo("指定专家");
    assertThat(draws.get(0).has("seed")).isFalse();
    assertThat(texts(draws.get(0).get("excluded"))).containsExactly(APPLICANT_EXPERT);
    assertThat(draws.get(0).get("drawnBy").asText()).isEqualTo("system");
  }

  @Test
  void aDrawnPanelIsReproducibleFromItsSeedAndNeverHoldsTheApplyingDepartmentsExpert() {
    List<List<String>> panels = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessInstance instance = atReassessment("抽取专家组项目");
      reassess(instance, "DRAW", null, 20261203L);
      JsonNode draw = get("qijiang-perf", "/api/projects/" + instance.getBusinessKey() + "/expert-panels", 200).get(0);
      assertThat(draw.get("mode").asText()).isEqualTo("DRAW");
      assertThat(draw.get("seed").asLong()).isEqualTo(20261203L);
      assertThat(texts(draw.get("eligible"))).doesNotContain(APPLICANT_EXPERT).hasSize(8).isSorted();
      assertThat(texts(draw.get("excluded"))).containsExactly(APPLICANT_EXPERT);
      panels.add(texts(draw.get("panel")));
      assertThat(seats(instance)).extracting(Task::getAssignee)
          .containsExactlyInAnyOrderElementsOf(texts(draw.get("panel")));
    }
    assertThat(panels.get(0)).hasSize(5).doesNotHaveDuplicates().isEqualTo(panels.get(1))
        .isEqualTo(ExpertPanels.draw(eligibleOfQijiangEducation(), 5, 20261203L))
        .doesNotContain(APPLICANT_EXPERT);
  }

  @Test
  void overManySeedsTheApplyingDepartmentsExpertIsNeverDrawn() {
    ProcessInstance instance = atReassessment("多次抽取项目");
    for (long seed = 1; seed <= 25; seed++) {
      reassess(instance, "DRAW", null, seed);
      assertThat(seats(instance)).hasSize(5).extracting(Task::getAssignee).doesNotContain(APPLICANT_EXPERT);
      // back to finance for the next draw: the panel disagrees, so finance's decision is not applied;
      // instead move the instance back to the re-assessment as an administrator would
      runtimeService.createProcessInstanceModification(instance.getId())
          .cancelAllForActivity(ExAnteProcess.TASK_EXPERT_REVIEW)
          .startBeforeActivity(ExAnteProcess.TASK_REASSESS).execute();
    }
  }

  @Test
  void choosingAnExpertOfTheApplyingDepartmentADuplicateAnUnknownOneOrTheWrongCountIsRefused() {
    ProcessInstance instance = atReassessment("错误专家组项目");
    Map<String, String> refusals = Map.of(
        APPLICANT_EXPERT + ",qijiang-expert3,qijiang-expert4,qijiang-expert5,qijiang-expert6", "须回避",
        "qijiang-expert3,qijiang-expert3,qijiang-expert4,qijiang-expert5,qijiang-expert6", "重复选择",
        "qijiang-expert3,jilin-expert4,qijiang-expert5,qijiang-expert6,qijiang-expert7", "不在本辖区专家库中",
        "qijiang-expert3,qijiang-perf,qijiang-expert5,qijiang-expert6,qijiang-expert7", "不在本辖区专家库中",
        "qijiang-expert3,qijiang-expert4,qijiang-expert5", "须由 5 位专家组成，已选择 3 位");
    refusals.forEach((choice, message) -> assertThatThrownBy(() -> reassess(instance, "CHOOSE", choice, null))
        .as(choice).isInstanceOf(InvalidInputException.class).hasMessageContaining(message));
    assertThatThrownBy(() -> reassess(instance, null, null, null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请选择专家组的组建方式");

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REASSESS);
    assertThat(get("qijiang-perf", "/api/projects/" + instance.getBusinessKey() + "/expert-panels", 200)).isEmpty();
  }

  @Test
  void throughTheEngineRestARefusedChoiceIs400InChineseAndTheTaskStaysOpen() {
    ProcessInstance instance = atReassessment("接口错误专家组项目");
    Task reassess = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    Map<String, Object> variables = Map.of(
        ExAnteProcess.VAR_REVIEW_DECISION, typed("APPROVE", "String"),
        ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, typed(true, "Boolean"),
        ExAnteProcess.VAR_EXPERT_PANEL_MODE, typed("CHOOSE", "String"),
        ExAnteProcess.VAR_EXPERT_PANEL_CHOICE, typed(APPLICANT_EXPERT + ",qijiang-expert3,qijiang-expert4,"
            + "qijiang-expert5,qijiang-expert6", "String"));

    ResponseEntity<JsonNode> answer = http.withBasicAuth("qijiang-perf", "demo").postForEntity(
        "/engine-rest/task/" + reassess.getId() + "/complete", json(Map.of("variables", variables)), JsonNode.class);

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody().get("message").asText()).contains(APPLICANT_EXPERT).contains("须回避");
    assertThat(taskService.createTaskQuery().taskId(reassess.getId()).count()).isOne();
    // the panel is the engine's: finance cannot name it directly
    ResponseEntity<JsonNode> direct = http.withBasicAuth("qijiang-perf", "demo").postForEntity(
        "/engine-rest/task/" + reassess.getId() + "/complete", json(Map.of("variables", Map.of(
            ExAnteProcess.VAR_EXPERT_PANEL, typed("[\"qijiang-perf\"]", "String")))), JsonNode.class);
    assertThat(direct.getStatusCode().value()).isEqualTo(400);
    assertThat(direct.getBody().get("message").asText()).contains(ExAnteProcess.VAR_EXPERT_PANEL);
  }

  @Test
  void thePoolIsForTheDistrictsFinanceAndShowsWhoMustStandAside() {
    ProcessInstance instance = atReassessment("专家库项目");

    JsonNode pool = get("qijiang-perf", "/api/expert-pool?district=qijiang&project=" + instance.getBusinessKey(), 200);

    assertThat(pool).hasSize(9);
    JsonNode first = pool.get(0);
    assertThat(first.get("userId").asText()).isEqualTo(APPLICANT_EXPERT);
    assertThat(first.get("affiliation").asText()).isEqualTo("qijiang-education");
    assertThat(first.get("eligible").asBoolean()).isFalse();
    assertThat(first.get("reason").asText()).contains("须回避");
    assertThat(StreamSupport.stream(pool.spliterator(), false).filter(e -> e.get("eligible").asBoolean())).hasSize(8);
    assertThat(get("qijiang-expert3", "/api/expert-pool?district=qijiang", 403).get("message").asText())
        .contains("财政局绩效科");
    assertThat(get("jilin-perf", "/api/expert-pool?district=qijiang", 403).get("message").asText())
        .contains("财政局绩效科");
    assertThat(get("qijiang-edu", "/api/projects/" + instance.getBusinessKey() + "/expert-panels", 403)
        .get("message").asText()).contains("财政局绩效科");
    assertThat(get("jilin-perf", "/api/projects/" + instance.getBusinessKey() + "/expert-panels", 404)
        .get("message").asText()).contains("项目不存在");
  }

  // ---- the seats ----

  @Test
  void anExpertCannotClaimOrCompleteAnothersSeatAndNeverHoldsTwo() {
    ProcessInstance instance = atReassessment("专家席位项目");
    reassess(instance, "CHOOSE", "qijiang-expert3,qijiang-expert4,qijiang-expert5,qijiang-expert6,qijiang-expert7", null);
    Task othersSeat = seatOf(instance, "qijiang-expert4");
    TestRestTemplate expert3 = http.withBasicAuth("qijiang-expert3", "demo");

    ResponseEntity<JsonNode> claim = expert3.postForEntity("/engine-rest/task/" + othersSeat.getId() + "/claim",
        json(Map.of("userId", "qijiang-expert3")), JsonNode.class);
    ResponseEntity<JsonNode> complete = expert3.postForEntity("/engine-rest/task/" + othersSeat.getId() + "/complete",
        json(Map.of("variables", vote("AGREE"))), JsonNode.class);
    ResponseEntity<JsonNode> assign = expert3.postForEntity("/engine-rest/task/" + othersSeat.getId() + "/assignee",
        json(Map.of("userId", "qijiang-expert3")), JsonNode.class);

    // another's seat is not the expert's to see: answered as a task that does not exist
    for (ResponseEntity<JsonNode> answer : List.of(claim, complete, assign)) {
      assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(403, 404);
      assertThat(answer.getBody().get("message").asText()).isNotBlank();
    }
    assertThat(taskService.createTaskQuery().taskId(othersSeat.getId()).singleResult().getAssignee())
        .isEqualTo("qijiang-expert4");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskAssignee("qijiang-expert3")
        .count()).isOne();
    assertThat(get("qijiang-expert3", "/engine-rest/task?processInstanceId=" + instance.getId(), 200))
        .hasSize(1).allMatch(t -> t.get("assignee").asText().equals("qijiang-expert3"));
    ResponseEntity<JsonNode> own = expert3.postForEntity("/engine-rest/task/" + seatOf(instance, "qijiang-expert3").getId()
        + "/complete", json(Map.of("variables", vote("AGREE"))), JsonNode.class);
    assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(204);
  }

  @Test
  void anAdministratorMayHandASeatToAnotherEligibleExpertButNeverASecondSeatOrToTheApplicantsExpert() {
    ProcessInstance instance = atReassessment("专家席位调整项目");
    reassess(instance, "CHOOSE", "qijiang-expert3,qijiang-expert4,qijiang-expert5,qijiang-expert6,qijiang-expert7", null);
    Task seat = seatOf(instance, "qijiang-expert4");
    // a seat is offered to no group: only an administrator sees it to hand it on (the demo administrator)
    TestRestTemplate administrator = http.withBasicAuth("demo", "demo");

    for (String[] refused : new String[][] {{"qijiang-expert3", "已在本专家组中占有席位"},
        {APPLICANT_EXPERT, "须回避"}, {"jilin-expert4", "不在本辖区专家库中"}}) {
      ResponseEntity<JsonNode> answer = administrator.postForEntity("/engine-rest/task/" + seat.getId() + "/assignee",
          json(Map.of("userId", refused[0])), JsonNode.class);
      assertThat(answer.getStatusCode().value()).as("%s: %s", refused[0], answer.getBody()).isEqualTo(400);
      assertThat(answer.getBody().get("message").asText()).contains(refused[1]);
      assertThat(taskService.createTaskQuery().taskId(seat.getId()).singleResult().getAssignee())
          .isEqualTo("qijiang-expert4");
    }
    ResponseEntity<JsonNode> replaced = administrator.postForEntity("/engine-rest/task/" + seat.getId() + "/assignee",
        json(Map.of("userId", "qijiang-expert8")), JsonNode.class);
    assertThat(replaced.getStatusCode().value()).as("%s", replaced.getBody()).isEqualTo(204);
    assertThat(seats(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder("qijiang-expert3",
        "qijiang-expert8", "qijiang-expert5", "qijiang-expert6", "qijiang-expert7");
  }

  // ---- who reads the votes ----

  @Test
  void whileThePanelIsOpenAnExpertSeesOnlyTheirOwnVoteAfterItClosesEveryoneSeesAll() {
    ProcessInstance instance = atReassessment("独立论证项目");
    reassess(instance, "CHOOSE", "qijiang-expert3,qijiang-expert4,qijiang-expert5,qijiang-expert6,qijiang-expert7", null);
    String code = instance.getBusinessKey();
    completeSeat(instance, "qijiang-expert3", "AGREE", "专家三的意见");
    completeSeat(instance, "qijiang-expert4", "DISAGREE", "专家四的意见");

    // an expert who voted sees their own vote, an expert who has not sees none; both see the earlier opinions
    assertThat(expertVotes(get("qijiang-expert3", "/api/projects/" + code, 200))).containsExactly("qijiang-expert3");
    assertThat(expertVotes(get("qijiang-expert5", "/api/projects/" + code, 200))).isEmpty();
    assertThat(steps(get("qijiang-expert5", "/api/projects/" + code, 200))).contains(ExAnteProcess.TASK_SELF_ASSESS,
        ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ExAnteProcess.TASK_REASSESS);
    assertThat(get("qijiang-expert5", "/api/projects/" + code, 200).toString()).doesNotContain("专家三的意见", "专家四的意见");
    // finance follows the panel
    assertThat(expertVotes(get("qijiang-perf", "/api/projects/" + code, 200)))
        .containsExactly("qijiang-expert3", "qijiang-expert4");
    // nor through the engine: another seat, its variables, the history of the instance
    String seat5 = seatOf(instance, "qijiang-expert5").getId();
    assertThat(get("qijiang-expert5", "/engine-rest/task/" + seatOf(instance, "qijiang-expert6").getId() + "/variables",
        404).get("message").asText()).isNotBlank();
    assertThat(get("qijiang-expert5", "/engine-rest/task/" + seat5 + "/variables", 200).toString())
        .doesNotContain("专家三的意见", "专家四的意见", "DISAGREE");
    assertThat(get("qijiang-expert5", "/engine-rest/history/variable-instance?processInstanceId=" + instance.getId()
        + "&variableName=" + ExAnteProcess.VAR_EXPERT_COMMENT, 200).toString()).doesNotContain("专家三的意见", "专家四的意见");
    assertThat(get("qijiang-expert5", "/engine-rest/history/detail?processInstanceId=" + instance.getId(), 200)
        .toString()).doesNotContain("专家三的意见", "专家四的意见");
    assertThat(get("qijiang-expert5", "/engine-rest/history/task?processInstanceId=" + instance.getId()
        + "&taskDefinitionKey=" + ExAnteProcess.TASK_EXPERT_REVIEW, 200))
        .allMatch(t -> t.get("assignee").asText().equals("qijiang-expert5"));

    completeSeat(instance, "qijiang-expert5", "AGREE", "专家五的意见");
    completeSeat(instance, "qijiang-expert6", "AGREE", "专家六的意见");
    completeSeat(instance, "qijiang-expert7", "DISAGREE", "专家七的意见");

    // closed (tallied: 3 of 5 agree, Qijiang's 60 %): every reader sees every vote
    assertThat(instance).hasPassed(ExAnteProcess.TASK_TALLY_EXPERT_PANEL);
    assertThat(expertVotes(get("qijiang-expert3", "/api/projects/" + code, 200))).containsExactly("qijiang-expert3",
        "qijiang-expert4", "qijiang-expert5", "qijiang-expert6", "qijiang-expert7");
    assertThat(get("qijiang-expert5", "/api/projects/" + code, 200).toString()).contains("专家三的意见", "专家四的意见");
    assertThat(expertVotes(get("qijiang-edu", "/api/projects/" + code, 200))).hasSize(5);
  }

  // ---- helpers ----

  /** A Qijiang general policy of 6 million, self-assessed and approved by the supervising department. */
  private ProcessInstance atReassessment(String name) {
    Task review = applications.awaitingReview(name);
    taskService.complete(review.getId(), Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE"));
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId())
        .singleResult();
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REASSESS);
    return instance;
  }

  private void reassess(ProcessInstance instance, String mode, String choice, Long seed) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ExAnteProcess.TASK_REASSESS).singleResult();
    Map<String, Object> variables = new HashMap<>();
    variables.put(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE");
    variables.put(ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, true);
    if (mode != null) {
      variables.put(ExAnteProcess.VAR_EXPERT_PANEL_MODE, mode);
    }
    if (choice != null) {
      variables.put(ExAnteProcess.VAR_EXPERT_PANEL_CHOICE, choice);
    }
    if (seed != null) {
      variables.put(ExAnteProcess.VAR_EXPERT_PANEL_SEED, seed);
    }
    taskService.complete(task.getId(), variables);
  }

  private List<Task> seats(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).list();
  }

  private Task seatOf(ProcessInstance instance, String expert) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
  }

  private void completeSeat(ProcessInstance instance, String expert, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>(vote(decision));
    variables.put(ExAnteProcess.VAR_EXPERT_COMMENT, typed(comment, "String"));
    ResponseEntity<JsonNode> answer = http.withBasicAuth(expert, "demo").postForEntity(
        "/engine-rest/task/" + seatOf(instance, expert).getId() + "/complete", json(Map.of("variables", variables)),
        JsonNode.class);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(204);
  }

  /** The sorted eligible experts of a Qijiang education project in the demo pool. */
  private static List<String> eligibleOfQijiangEducation() {
    List<String> eligible = new ArrayList<>();
    for (int i = 2; i <= 9; i++) {
      eligible.add("qijiang-expert" + i);
    }
    return eligible;
  }

  private static List<String> expertVotes(JsonNode project) {
    List<String> voters = new ArrayList<>();
    project.get("opinions").forEach(o -> {
      if (ExAnteProcess.TASK_EXPERT_REVIEW.equals(o.get("step").asText())) {
        voters.add(o.get("reviewer").asText());
      }
    });
    return voters;
  }

  private static List<String> steps(JsonNode project) {
    List<String> steps = new ArrayList<>();
    project.get("opinions").forEach(o -> steps.add(o.get("step").asText()));
    return steps;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private JsonNode get(String user, String path, int status) {
    ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode().value()).as("%s %s: %s", user, path, answer.getBody()).isEqualTo(status);
    return answer.getBody();
  }

  private static Map<String, Object> vote(String decision) {
    return Map.of(ExAnteProcess.VAR_EXPERT_DECISION, typed(decision, "String"));
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
