package org.jixiao.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.jixiao.project.RuleResults;
import org.jixiao.stage.TaskInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ex-ante instance that started on the model version before the lifecycle (it opened goal setting itself,
 * and named a due-date listener and a 催办 delegate) still runs to its end after the upgrade: its tasks get their
 * dates from the kit, and its listing opens goal setting with its own goal review, as it did.
 */
@PlatformTest
class PreLifecycleInstancesTest {

  /** A tenant of its own, so that the old version is nobody else's latest. */
  static final String TENANT = "legacy-upgrade";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void anInstanceOfTheModelBeforeTheLifecycleStillListsTheProjectAndOpensItsGoalReview() {
    ProcessDefinition old = oldExAnteModel();
    String code = "QIJIANG-OLD-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, "升级前在办的项目", "qijiang", "qijiang-education",
        ItemType.GENERAL_POLICY, new BigDecimal("6000000.00"), true), callers.of("qijiang-edu"));
    // as if it had been applied before the upgrade: no lifecycle, only the old model's instance
    runtimeService.deleteProcessInstance(projects.project(code).getProcessInstanceId(), "升级测试");
    RuleResults rules = projects.project(code).getRuleResults();
    Map<String, Object> variables = new HashMap<>();
    variables.put(ExAnteProcess.VAR_PROJECT_CODE, code);
    variables.put(ExAnteProcess.VAR_DEPARTMENT_GROUP, "qijiang-education");
    variables.put(ExAnteProcess.VAR_APPLICANT, "qijiang-edu");
    variables.put(ExAnteProcess.VAR_EX_ANTE_REQUIRED, rules.exAnteRequired());
    variables.put(ExAnteProcess.VAR_SELF_ASSESSMENT_REQUIRED, rules.selfAssessmentRequired());
    variables.put(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, rules.financeReassessmentRequired());
    variables.put(ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED, rules.jointReviewRequired());
    variables.put(ExAnteProcess.VAR_BUDGET_REVIEW_REQUIRED, rules.budgetReviewRequired());
    variables.put(ExAnteProcess.VAR_TASK_DUE_DURATION, "P10D");
    variables.put(ExAnteProcess.VAR_REMINDER_DURATION, "P7D");

    ProcessInstance instance = runtimeService.createProcessInstanceById(old.getId()).businessKey(code)
        .startBeforeActivity(ExAnteProcess.TASK_JOINT_REVIEW).setVariables(variables).execute();
    Task joint = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(joint.getDueDate()).as("dates from the kit, the old listener does nothing").isNotNull();
    assertThat(joint.getFollowUpDate()).isNotNull();

    taskService.complete(joint.getId(), Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE"));

    assertThat(instance).isEnded().hasPassed(ExAnteProcess.TASK_LIST_PROJECT, "Task_StartGoalSetting",
        ExAnteProcess.END_PROJECT_LISTED);
    assertThat(projects.project(code).getStatus()).isEqualTo(ProjectStatus.LISTED);
    ProcessInstance goals = runtimeService.createProcessInstanceQuery().processDefinitionKey(GoalReviewProcess.KEY)
        .processInstanceBusinessKey(code + "-" + projects.project(code).getBudgetYear()).singleResult();
    assertThat(goals).as("goal review of its own, in the project's district").isNotNull();
    assertThat(goals.getTenantId()).isEqualTo("qijiang");
    assertThat(goals).isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS);
  }

  @Test
  void aTaskOfTheVersionBeforeInputsWereDeclaredAcceptsWhatTheSameTaskOfTheLatestVersionDeclares() {
    String tenant = "legacy-inputs";
    ProcessDefinition old = deploy(tenant, "legacy/ex-ante-assessment-before-lifecycle.bpmn");
    TaskInputs inputs = new TaskInputs(repositoryService);
    assertThat(inputs.ofTask(old.getId(), ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR))
        .as("no newer version yet: nothing declared, nothing accepted").isEmpty();

    ProcessDefinition current = deploy(tenant, "models/processes/ex-ante-assessment.bpmn");
    assertThat(current.getVersion()).isGreaterThan(old.getVersion());
    TaskInputs afterUpgrade = new TaskInputs(repositoryService);
    assertThat(afterUpgrade.ofTask(old.getId(), ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR))
        .containsOnlyKeys(ExAnteProcess.VAR_REVIEW_DECISION, ExAnteProcess.VAR_REVIEW_COMMENT)
        .isEqualTo(afterUpgrade.ofTask(current.getId(), ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR));
    assertThat(TaskInputs.refusal(afterUpgrade.ofTask(old.getId(), ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR),
        Map.of(ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED, false), "主管部门审核")).isPresent();
  }

  private ProcessDefinition deploy(String tenant, String resource) {
    var deployment = repositoryService.createDeployment().tenantId(tenant).name(resource)
        .addClasspathResource(resource).deploy();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }

  private ProcessDefinition oldExAnteModel() {
    var deployment = repositoryService.createDeployment().tenantId(TENANT).name("before-lifecycle")
        .addClasspathResource("legacy/ex-ante-assessment-before-lifecycle.bpmn")
        .enableDuplicateFiltering(true).deploy();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }
}
