package org.jixiao.exante;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.FundingEligibility;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The hostile budget unit of issue 9: it cannot choose its own review path, and the funding gate decides
 * from the opinions actually recorded, not from the project's status.
 */
@PlatformTest
class TrustedRoutingTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ProjectService projects;
  @Autowired org.jixiao.stage.Opinions opinions;
  @Autowired CallerLookup callers;

  @Test
  void aUnitCompletingItsSelfAssessmentWithRoutingFlagsIsRefusedAndTheProjectStillGoesToFinanceReassessment() {
    String code = applyQijiangPolicyOf6Million();
    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(selfAssessment.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_SELF_ASSESS);
    TestRestTemplate unit = http.withBasicAuth("qijiang-edu", "demo");
    Map<String, Object> hostile = new java.util.HashMap<>(scores());
    hostile.put(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, Map.of("value", false, "type", "Boolean"));
    hostile.put(ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED, Map.of("value", false, "type", "Boolean"));

    ResponseEntity<JsonNode> refused = unit.postForEntity("/engine-rest/task/" + selfAssessment.getId() + "/complete",
        json(Map.of("variables", hostile)), JsonNode.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).contains("不能提交变量")
        .containsAnyOf(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED);
    assertThat(taskService.createTaskQuery().taskId(selfAssessment.getId()).count()).as("still open").isOne();
    assertThat(runtimeService.getVariable(selfAssessment.getProcessInstanceId(),
        ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED)).isEqualTo(true);
    assertThat(opinions.ofSubject(org.jixiao.stage.SubjectType.PROJECT, code)).isEmpty();

    ResponseEntity<JsonNode> honest = unit.postForEntity("/engine-rest/task/" + selfAssessment.getId() + "/complete",
        json(Map.of("variables", scores())), JsonNode.class);
    assertThat(honest.getStatusCode().value()).as("%s", honest.getBody()).isEqualTo(204);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    ResponseEntity<JsonNode> approved = http.withBasicAuth("qijiang-supervisor", "demo").postForEntity(
        "/engine-rest/task/" + review.getId() + "/complete", json(Map.of("variables", Map.of(
            ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "APPROVE", "type", "String")))), JsonNode.class);
    assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getTaskDefinitionKey())
        .as("财政再评估").isEqualTo(ExAnteProcess.TASK_REASSESS);
  }

  @Test
  void theFundingGateRefusesAListedProjectWhoseRequiredStepsHaveNoApprovingOpinion() {
    String code = applyQijiangPolicyOf6Million();
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExAnteProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();

    // a listing that skipped every step (as trusted code can, e.g. an administrator's modification)
    runtimeService.createProcessInstanceModification(instance)
        .cancelAllForActivity(ExAnteProcess.TASK_SELF_ASSESS)
        .startBeforeActivity(ExAnteProcess.TASK_LIST_PROJECT)
        .execute();

    assertThat(projects.project(code).getStatus()).isEqualTo(ProjectStatus.LISTED);
    FundingEligibility gate = projects.fundingEligibility(code, callers.of("qijiang-edu"));
    assertThat(gate.eligible()).isFalse();
    assertThat(gate.procurable()).isFalse();
    assertThat(gate.payable()).isFalse();
    assertThat(gate.reasons()).extracting(FundingEligibility.Reason::code).contains("EX_ANTE_NOT_PASSED");
    assertThat(gate.reasons().get(0).message()).startsWith("应评未评：未经部门自评估、主管部门审核、财政再评估");
  }

  @Test
  void theSameProjectPassedStepByStepHasTheAssessmentReasonNoMore() {
    String code = applyQijiangPolicyOf6Million();
    complete(code, plainScores());
    complete(code, Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE"));
    Map<String, Object> reassessment = new java.util.HashMap<>(plainScores());
    reassessment.put(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE");
    complete(code, reassessment);

    FundingEligibility gate = projects.fundingEligibility(code, callers.of("qijiang-edu"));
    assertThat(projects.project(code).getStatus()).isEqualTo(ProjectStatus.LISTED);
    assertThat(gate.reasons()).extracting(FundingEligibility.Reason::code).doesNotContain("EX_ANTE_NOT_PASSED");
  }

  @Test
  void aRoutingFlagThatDisagreesWithTheStoredRuleResultsStopsTheListing() {
    String code = applyQijiangPolicyOf6Million();
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExAnteProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
    runtimeService.setVariable(instance, ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, false);

    assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(instance)
        .cancelAllForActivity(ExAnteProcess.TASK_SELF_ASSESS)
        .startBeforeActivity(ExAnteProcess.TASK_LIST_PROJECT)
        .execute())
        .hasMessageContaining("与规则结果不一致").hasMessageContaining(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED);

    assertThat(projects.project(code).getStatus()).isEqualTo(ProjectStatus.SUBMITTED);
    assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly(ExAnteProcess.TASK_SELF_ASSESS);
  }

  private String applyQijiangPolicyOf6Million() {
    String code = "H-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, "普惠性补贴政策", "qijiang", "qijiang-education", ItemType.GENERAL_POLICY,
        new BigDecimal("6000000"), true), callers.of("qijiang-edu"));
    return code;
  }

  private void complete(String code, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    taskService.complete(task.getId(), variables);
  }

  /** The self-assessment as its form submits it, typed for the REST API. */
  private static Map<String, Object> scores() {
    Map<String, Object> typed = new java.util.HashMap<>();
    plainScores().forEach((name, value) -> typed.put(name,
        Map.of("value", value, "type", value instanceof Integer ? "Integer" : "String")));
    return typed;
  }

  private static Map<String, Object> plainScores() {
    return Map.of("scoreNecessity", 90, "scoreEconomy", 80, "scoreGoalReasonableness", 80, "scoreFeasibility", 80,
        "scoreFinancingCompliance", 90, ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "可行");
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
