package org.jixiao.exante;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.EndedInstance;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.jixiao.project.ProjectView;
import org.jixiao.project.Applications;
import org.jixiao.stage.DeadlineKind;
import org.jixiao.stage.DeadlineWatch;
import org.jixiao.stage.Deadlines;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.TaskDeadline;
import org.jixiao.stage.DimensionScores;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.system.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks the paths of the ex-ante process in the shipped districts, each with its own rule table: where it
 * waits, who may take the task, the variables the rules produced, which end it reaches and what the project
 * record says.
 */
@PlatformTest
class ExAnteProcessTest {

  /** The role recorded with the supervisor's opinions; the task itself goes to the unit's 主管部门 group. */
  static final String SUPERVISOR = "supervisingDepartment";
  static final String FINANCE = "financePerformance";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProjectService projects;
  @Autowired ExAnteAssessmentService assessments;
  @Autowired CallerLookup callers;
  @Autowired DeadlineWatch watch;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void belowEveryThresholdTheProjectIsListedWithoutAssessment(String district) {
    ProcessInstance instance = apply(district, ItemType.DEPARTMENT_PROJECT, "100000.00", false);

    assertThat(instance).hasPassed(ExAnteProcess.TASK_EVALUATE_RULES, ExAnteProcess.TASK_LIST_PROJECT,
            ExAnteProcess.END_PROJECT_LISTED)
        .hasNotPassed(ExAnteProcess.TASK_SELF_ASSESS, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR,
            ExAnteProcess.TASK_REASSESS)
        .isEnded();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(ExAnteProcess.VAR_EX_ANTE_REQUIRED).singleResult().getValue()).isEqualTo(false);
    ProjectView project = project(instance, district);
    assertThat(project.status()).isEqualTo(ProjectStatus.LISTED);
    assertThat(project.ruleResults().exAnteRequired()).isFalse();
    assertThat(project.ruleResults().ruleBasis()).isNotBlank();
  }

  @Test
  void qijiangGeneralPolicyAtFiveMillionIsSelfAssessedReviewedReassessedAndListed() {
    ProcessInstance instance = apply("qijiang", ItemType.GENERAL_POLICY, "5000000.00", true);

    assertThat(instance).variables()
        .containsEntry(ExAnteProcess.VAR_EX_ANTE_REQUIRED, true)
        .containsEntry(ExAnteProcess.VAR_SELF_ASSESSMENT_REQUIRED, true)
        .containsEntry(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, true)
        .containsEntry(ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED, false)
        .containsEntry(ExAnteProcess.VAR_EXPERT_PANEL_SIZE, 5)
        .containsEntry(ExAnteProcess.VAR_EXPERT_PASS_PERCENT, 60);
    selfAssess(instance, "qijiang");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE");

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED)
        .hasNotPassed(ExAnteProcess.TASK_EXPERT_REVIEW, ExAnteProcess.TASK_JOINT_REVIEW).isEnded();
    ProjectView project = project(instance, "qijiang");
    assertThat(project.status()).isEqualTo(ProjectStatus.LISTED);
    assertThat(project.opinions()).extracting(ProjectView.OpinionView::step).containsExactly(
        ExAnteProcess.TASK_SELF_ASSESS, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ExAnteProcess.TASK_REASSESS);
    assertThat(project.opinions().get(0).scores()).isEqualTo(new DimensionScores(90, 80, 70, 85, 95));
    assertThat(project.opinions().get(0).conclusion()).isEqualTo("立项必要，方案可行");
  }

  @Test
  void enyangAboveHalfAMillionIsAssessedByFinanceWithoutSelfAssessment() {
    ProcessInstance instance = apply("enyang", ItemType.DEPARTMENT_PROJECT, "500000.01", false);

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE");

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED)
        .hasNotPassed(ExAnteProcess.TASK_SELF_ASSESS).isEnded();
  }

  @Test
  void jilinThirtyMillionNewSpendingGoesThroughJointReviewWithAnApprovedAmount() {
    ProcessInstance instance = apply("jilin", ItemType.DEPARTMENT_PROJECT, "30000000.00", true);

    selfAssess(instance, "jilin");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE",
        ExAnteProcess.VAR_APPROVED_AMOUNT, "25000000.00");
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_JOINT_REVIEW);
    // the committee sends it back to finance once, then approves
    decide(instance, ExAnteProcess.TASK_JOINT_REVIEW, "budgetCommittee", "BACK");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE",
        ExAnteProcess.VAR_APPROVED_AMOUNT, "24000000.00");
    decide(instance, ExAnteProcess.TASK_JOINT_REVIEW, "budgetCommittee", "APPROVE");

    assertThat(instance).hasPassed(ExAnteProcess.TASK_JOINT_REVIEW, ExAnteProcess.END_PROJECT_LISTED).isEnded();
    ProjectView project = project(instance, "jilin");
    assertThat(project.approvedAmount()).isEqualByComparingTo("24000000.00");
    assertThat(project.cutAmount()).isEqualByComparingTo("6000000.00");
    assertThat(project.ruleResults().jointReviewRequired()).isTrue();
  }

  @Test
  void chongqingNewItemAtTheLimitIsSelfAssessedOnlyAndListed() {
    ProcessInstance instance = apply("chongqing", ItemType.DEPARTMENT_PROJECT, "1000000.00", true);

    selfAssess(instance, "chongqing");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED)
        .hasNotPassed(ExAnteProcess.TASK_REASSESS).isEnded();
  }

  @Test
  void gaomiMergesBudgetReviewAndRecordsTheCut() {
    ProcessInstance instance = apply("gaomi", ItemType.NEW_CONSTRUCTION, "240000000.00", true);

    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    assertThatThrownBy(() -> decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE"))
        .hasMessageContaining("审定金额");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE",
        ExAnteProcess.VAR_APPROVED_AMOUNT, "160000000.00");

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED).isEnded();
    ProjectView project = project(instance, "gaomi");
    assertThat(project.cutAmount()).isEqualByComparingTo("80000000.00");
  }

  @Test
  void returnedApplicationIsRevisedResubmittedAndAssessedAgain() {
    ProcessInstance instance = apply("qijiang", ItemType.SPECIAL_POLICY, "3000000.00", true);

    selfAssess(instance, "qijiang");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "RETURN", ExAnteProcess.VAR_REVIEW_COMMENT,
        "请补充绩效目标");
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVISE_APPLICATION);
    assertThat(task(instance)).hasCandidateGroup("qijiang-education");
    assertThat(project(instance, "qijiang").status()).isEqualTo(ProjectStatus.RETURNED);
    complete(instance, ExAnteProcess.TASK_REVISE_APPLICATION, "qijiang-education",
        Map.of(ExAnteProcess.VAR_REVISION_NOTE, "已补充"));

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_SELF_ASSESS);
    selfAssess(instance, "qijiang");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "BACK");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE");

    assertThat(instance).hasPassed(ExAnteProcess.TASK_REVISE_APPLICATION, ExAnteProcess.END_PROJECT_LISTED).isEnded();
    assertThat(project(instance, "qijiang").opinions())
        .extracting(ProjectView.OpinionView::step, ProjectView.OpinionView::decision,
            ProjectView.OpinionView::reviewerRole)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_SELF_ASSESS, ReviewDecision.SUBMIT, "budgetUnit"),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ReviewDecision.RETURN, SUPERVISOR),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVISE_APPLICATION, ReviewDecision.RESUBMIT, "budgetUnit"),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_SELF_ASSESS, ReviewDecision.SUBMIT, "budgetUnit"),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ReviewDecision.APPROVE, SUPERVISOR),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REASSESS, ReviewDecision.BACK, FINANCE),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ReviewDecision.APPROVE, SUPERVISOR),
            org.assertj.core.groups.Tuple.tuple(ExAnteProcess.TASK_REASSESS, ReviewDecision.APPROVE, FINANCE));
  }

  @Test
  void rejectedApplicationIsNotListed() {
    ProcessInstance instance = apply("enyang", ItemType.NEW_CONSTRUCTION, "2000000.00", true);

    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "REJECT", ExAnteProcess.VAR_REVIEW_COMMENT, "重复建设");

    assertThat(instance).hasPassed(ExAnteProcess.TASK_REJECT_PROJECT, ExAnteProcess.END_PROJECT_REJECTED)
        .hasNotPassed(ExAnteProcess.TASK_LIST_PROJECT).isEnded();
    assertThat(project(instance, "enyang").status()).isEqualTo(ProjectStatus.REJECTED);
  }

  @Test
  void theApplicantWithdrawsBeforeTheFirstReviewerClaimsButNotAfter() {
    ProcessInstance withdrawn = apply("qijiang", ItemType.GENERAL_POLICY, "6000000.00", true);
    selfAssess(withdrawn, "qijiang");
    assertThat(withdrawn).isWaitingAt(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);

    assessments.withdraw(withdrawn.getBusinessKey(), callers.of("qijiang-edu"));

    assertThat(withdrawn).hasPassed(ExAnteProcess.END_APPLICATION_WITHDRAWN)
        .hasNotPassed(ExAnteProcess.END_PROJECT_LISTED).isEnded();
    assertThat(project(withdrawn, "qijiang").status()).isEqualTo(ProjectStatus.WITHDRAWN);

    ProcessInstance claimed = apply("qijiang", ItemType.GENERAL_POLICY, "6000000.00", true);
    selfAssess(claimed, "qijiang");
    taskService.claim(task(claimed).getId(), "qijiang-supervisor");
    assertThatThrownBy(() -> assessments.withdraw(claimed.getBusinessKey(), callers.of("qijiang-edu")))
        .isInstanceOf(ApiException.class).hasMessageContaining("不能撤回");
    // another department does not see the project: answered as a code that does not exist
    assertThatThrownBy(() -> assessments.withdraw(claimed.getBusinessKey(), callers.of("qijiang-health")))
        .isInstanceOf(ApiException.class).hasMessageContaining("项目不存在");
    // a reviewer who sees it may not withdraw it
    assertThatThrownBy(() -> assessments.withdraw(claimed.getBusinessKey(), callers.of("qijiang-perf")))
        .isInstanceOf(ApiException.class).hasMessageContaining("只有申报单位");
    assertThat(claimed).isWaitingAt(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
  }

  @Test
  void anExpertPanelPassesAtTheDistrictsShare() {
    // Qijiang: 5 experts, passes when at least 60 % approve — 3 of 5 is exactly 60 %
    ProcessInstance instance = toExpertPanel();

    expertsDecide(instance, "AGREE", "AGREE", "AGREE", "DISAGREE", "DISAGREE");

    assertThat(instance).hasPassed(ExAnteProcess.TASK_TALLY_EXPERT_PANEL, ExAnteProcess.END_PROJECT_LISTED).isEnded();
    assertThat(project(instance, "qijiang").opinions())
        .filteredOn(o -> o.step().equals(ExAnteProcess.TASK_EXPERT_REVIEW)).hasSize(5)
        .allMatch(o -> o.reviewerRole().equals("expert"))
        .extracting(ProjectView.OpinionView::decisionLabel).containsExactly("同意", "同意", "同意", "不同意", "不同意");
  }

  @Test
  void anExpertHoldsOneSeatOfAPanelAndCannotTakeAnothers() {
    ProcessInstance instance = toExpertPanel();
    List<Task> seats = taskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).list();
    assertThat(seats).hasSize(5).extracting(Task::getAssignee).doesNotHaveDuplicates();
    String first = seats.get(0).getAssignee();

    assertThatThrownBy(() -> taskService.claim(seats.get(1).getId(), first))
        .isInstanceOf(org.camunda.bpm.engine.TaskAlreadyClaimedException.class);
    assertThat(taskQuery().processInstanceId(instance.getId()).taskAssignee(first).count()).isOne();
    assertThat(taskService.createTaskQuery().taskId(seats.get(1).getId()).singleResult().getAssignee())
        .isEqualTo(seats.get(1).getAssignee());
  }

  @Test
  void aDecisionTaskStartsWithoutThePreviousStepsDecision() {
    ProcessInstance instance = assessed(this, "enyang");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REASSESS);
    assertThat(runtimeService.getVariable(instance.getId(), ExAnteProcess.VAR_REVIEW_DECISION)).isNull();
  }

  @Test
  void anExpertPanelBelowTheShareFailsAndTheProjectIsNotListed() {
    ProcessInstance instance = toExpertPanel();

    expertsDecide(instance, "AGREE", "AGREE", "DISAGREE", "DISAGREE", "DISAGREE");

    assertThat(instance).hasPassed(ExAnteProcess.TASK_TALLY_EXPERT_PANEL, ExAnteProcess.END_PROJECT_REJECTED)
        .hasNotPassed(ExAnteProcess.END_PROJECT_LISTED).isEnded();
  }

  @Test
  void aTaskHasItsDueDateIsRemindedOnceAndWhenOverdueEscalatedOnceToTheFinancePerformanceSection() {
    Instant start = startClock();
    ProcessInstance instance = apply("chongqing", ItemType.DEPARTMENT_PROJECT, "2000000.00", true);
    Task selfAssessment = task(instance);
    // Chongqing uses the shared settings: due after P10D, reminded after P7D
    assertThat(selfAssessment.getDueDate().toInstant()).isEqualTo(start.plus(10, ChronoUnit.DAYS));
    assertThat(selfAssessment.getFollowUpDate().toInstant()).isEqualTo(start.plus(7, ChronoUnit.DAYS));

    moveClock(start.plus(7, ChronoUnit.DAYS).minusSeconds(60));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));
    moveClock(start.plus(7, ChronoUnit.DAYS).plusSeconds(60));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(1, 0));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));
    assertThat(taskService.createTaskQuery().taskId(selfAssessment.getId()).singleResult().getPriority())
        .isEqualTo(Deadlines.REMINDED_PRIORITY);
    assertThat(taskService.getTaskComments(selfAssessment.getId())).singleElement()
        .satisfies(c -> assertThat(c.getFullMessage()).startsWith("【催办】“开展部门自评估”即将到期"));

    moveClock(start.plus(10, ChronoUnit.DAYS).plusSeconds(60));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_SELF_ASSESS, ExAnteProcess.TASK_SUPERVISE_OVERDUE);
    Task supervision = taskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ExAnteProcess.TASK_SUPERVISE_OVERDUE).singleResult();
    assertThat(supervision).hasCandidateGroup(FINANCE);
    assertThat(taskService.getVariable(supervision.getId(), Deadlines.VAR_OVERDUE_TASK_NAME)).isEqualTo("开展部门自评估");
    assertThat(taskService.getVariable(supervision.getId(), Deadlines.VAR_OVERDUE_TASK_ID)).isEqualTo(selfAssessment.getId());
    assertThat(watch.recorded(selfAssessment.getId())).extracting(TaskDeadline::getKind)
        .containsExactly(DeadlineKind.REMINDED, DeadlineKind.ESCALATED);
    taskService.complete(supervision.getId(), Map.of(ExAnteProcess.VAR_SUPERVISION_NOTE, "已电话督办"));
    assertThat(instance).hasPassed(ExAnteProcess.END_OVERDUE_SUPERVISED).isWaitingAt(ExAnteProcess.TASK_SELF_ASSESS);
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));
    assertThat(project(instance, "chongqing").opinions()).singleElement()
        .satisfies(o -> assertThat(o.decision()).isEqualTo(ReviewDecision.SUPERVISE));
  }

  @Test
  void aReviewWithoutADecisionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = apply("enyang", ItemType.DEPARTMENT_PROJECT, "900000.00", false);

    assertThatThrownBy(() -> taskService.complete(task(instance).getId()))
        .hasMessageContaining("请选择审核结论");

    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(project(instance, "enyang").opinions()).isEmpty();
  }

  // ---- every path in every district, with an application that needs the finance re-assessment there ----

  /** An application each district's rules send through the finance re-assessment (and Jilin's joint review). */
  static ProcessInstance assessed(ExAnteProcessTest test, String district) {
    return switch (district) {
      case "qijiang" -> test.apply(district, ItemType.NEW_CONSTRUCTION, "10000000.00", true);
      case "enyang" -> test.apply(district, ItemType.DEPARTMENT_PROJECT, "2000000.00", false);
      case "jilin" -> test.apply(district, ItemType.DEPARTMENT_PROJECT, "30000000.00", true);
      case "chongqing" -> test.apply(district, ItemType.DEPARTMENT_PROJECT, "10000000.00", true);
      case "gaomi" -> test.apply(district, ItemType.NEW_CONSTRUCTION, "20000000.00", true);
      default -> throw new IllegalArgumentException(district);
    };
  }

  /** Approves every step until the instance waits at {@code step} (or ends, when step is null). */
  private void approveUntil(ProcessInstance instance, String district, String step) {
    for (int guard = 0; guard < 10; guard++) {
      if (step != null && !taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).list().isEmpty()) {
        return;
      }
      Task task = taskQuery().processInstanceId(instance.getId()).singleResult();
      if (task == null) {
        return;
      }
      switch (task.getTaskDefinitionKey()) {
        case ExAnteProcess.TASK_SELF_ASSESS -> selfAssess(instance, district);
        case ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR -> decide(instance, task.getTaskDefinitionKey(), SUPERVISOR, "APPROVE");
        case ExAnteProcess.TASK_REASSESS -> decide(instance, task.getTaskDefinitionKey(), FINANCE, "APPROVE",
            ExAnteProcess.VAR_APPROVED_AMOUNT, "1000000.00");
        case ExAnteProcess.TASK_JOINT_REVIEW -> decide(instance, task.getTaskDefinitionKey(), "budgetCommittee", "APPROVE");
        default -> throw new IllegalStateException("unexpected step " + task.getTaskDefinitionKey());
      }
    }
    throw new IllegalStateException("never reached " + step);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void everyDistrictAssessesAndListsItsMajorItem(String district) {
    ProcessInstance instance = assessed(this, district);

    approveUntil(instance, district, null);

    assertThat(instance).hasPassed(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ExAnteProcess.TASK_REASSESS,
        ExAnteProcess.END_PROJECT_LISTED).isEnded();
    assertThat(project(instance, district).status()).isEqualTo(ProjectStatus.LISTED);
    assertThat(project(instance, district).ruleResults().financeReassessmentRequired()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void everyDistrictReturnsForRevisionAndTheResubmissionIsAssessedAgain(String district) {
    ProcessInstance instance = assessed(this, district);
    approveUntil(instance, district, ExAnteProcess.TASK_REASSESS);

    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "RETURN", ExAnteProcess.VAR_REVIEW_COMMENT, "补充测算依据");
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVISE_APPLICATION);
    assertThat(task(instance)).hasCandidateGroup(district + "-education");
    complete(instance, ExAnteProcess.TASK_REVISE_APPLICATION, district + "-education",
        Map.of(ExAnteProcess.VAR_REVISION_NOTE, "已补充"));
    assertThat(instance).hasPassed(ExAnteProcess.TASK_EVALUATE_RULES);
    approveUntil(instance, district, null);

    assertThat(instance).hasPassed(ExAnteProcess.TASK_REVISE_APPLICATION, ExAnteProcess.END_PROJECT_LISTED).isEnded();
    assertThat(project(instance, district).opinions()).extracting(ProjectView.OpinionView::decision)
        .containsSubsequence(ReviewDecision.RETURN, ReviewDecision.RESUBMIT, ReviewDecision.APPROVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void everyDistrictRejects(String district) {
    ProcessInstance instance = assessed(this, district);
    approveUntil(instance, district, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);

    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "REJECT");

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_REJECTED).hasNotPassed(ExAnteProcess.TASK_REASSESS).isEnded();
    assertThat(project(instance, district).status()).isEqualTo(ProjectStatus.REJECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void everyDistrictLetsTheApplicantWithdrawBeforeTheFirstReviewerClaims(String district) {
    ProcessInstance instance = assessed(this, district);

    assessments.withdraw(instance.getBusinessKey(), callers.of(district + "-edu"));

    assertThat(instance).hasPassed(ExAnteProcess.TASK_WITHDRAW_PROJECT, ExAnteProcess.END_APPLICATION_WITHDRAWN).isEnded();
    assertThat(project(instance, district).status()).isEqualTo(ProjectStatus.WITHDRAWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "enyang", "jilin", "chongqing", "gaomi"})
  void everyDistrictsExpertPanelPassesAtItsShareAndFailsBelowIt(String district) {
    for (boolean passes : new boolean[] {true, false}) {
      ProcessInstance instance = assessed(this, district);
      approveUntil(instance, district, ExAnteProcess.TASK_REASSESS);
      decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE", ExAnteProcess.VAR_APPROVED_AMOUNT, "1000000.00",
          ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, true, ExAnteProcess.VAR_EXPERT_PANEL_MODE, "DRAW");
      int size = (Integer) runtimeService.getVariable(instance.getId(), ExAnteProcess.VAR_EXPERT_PANEL_SIZE);
      int percent = (Integer) runtimeService.getVariable(instance.getId(), ExAnteProcess.VAR_EXPERT_PASS_PERCENT);
      int needed = (size * percent + 99) / 100;
      String[] decisions = new String[size];
      for (int i = 0; i < size; i++) {
        decisions[i] = i < (passes ? needed : needed - 1) ? "AGREE" : "DISAGREE";
      }

      expertsDecide(instance, decisions);
      approveUntil(instance, district, null);

      assertThat(instance).hasPassed(ExAnteProcess.TASK_TALLY_EXPERT_PANEL,
          passes ? ExAnteProcess.END_PROJECT_LISTED : ExAnteProcess.END_PROJECT_REJECTED).isEnded();
    }
  }

  /** Each district's settings table: due after {@code dueDays}, reminded after {@code reminderDays}. */
  @ParameterizedTest
  @CsvSource({"qijiang, 10, 7", "enyang, 10, 7", "jilin, 15, 10", "chongqing, 10, 7", "gaomi, 10, 7"})
  void everyDistrictRemindsAndEscalatesAnOverdueStepToTheFinancePerformanceSection(String district, int dueDays,
      int reminderDays) {
    Instant start = startClock();
    ProcessInstance instance = assessed(this, district);
    Task first = task(instance);
    assertThat(first.getDueDate().toInstant()).isEqualTo(start.plus(dueDays, ChronoUnit.DAYS));
    assertThat(first.getFollowUpDate().toInstant()).isEqualTo(start.plus(reminderDays, ChronoUnit.DAYS));

    moveClock(start.plus(reminderDays, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(1, 0));
    moveClock(start.plus(dueDays, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));

    assertThat(instance).isWaitingAt(first.getTaskDefinitionKey(), ExAnteProcess.TASK_SUPERVISE_OVERDUE);
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ExAnteProcess.TASK_SUPERVISE_OVERDUE)
        .singleResult()).hasCandidateGroup(FINANCE);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Fixes the engine's clock at the current second, so due dates can be compared exactly. */
  private static Instant startClock() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    return start;
  }

  private static void moveClock(Instant to) {
    ClockUtil.setCurrentTime(Date.from(to));
  }

  @Test
  void jilinsOpinionHistoryListsReturnResubmissionExpertsAndJointReviewInOrder() {
    ProcessInstance instance = assessed(this, "jilin");
    approveUntil(instance, "jilin", ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "RETURN");
    complete(instance, ExAnteProcess.TASK_REVISE_APPLICATION, "jilin-education",
        Map.of(ExAnteProcess.VAR_REVISION_NOTE, "已修改"));
    approveUntil(instance, "jilin", ExAnteProcess.TASK_REASSESS);
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE", ExAnteProcess.VAR_APPROVED_AMOUNT, "28000000.00",
        ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, true, ExAnteProcess.VAR_EXPERT_PANEL_MODE, "DRAW");
    expertsDecide(instance, "AGREE", "AGREE", "AGREE", "AGREE", "AGREE", "DISAGREE", "DISAGREE");
    decide(instance, ExAnteProcess.TASK_JOINT_REVIEW, "budgetCommittee", "APPROVE");

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED).isEnded();
    List<ProjectView.OpinionView> opinions = project(instance, "jilin").opinions();
    assertThat(opinions).extracting(ProjectView.OpinionView::step).containsExactly(
        ExAnteProcess.TASK_SELF_ASSESS, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ExAnteProcess.TASK_REVISE_APPLICATION,
        ExAnteProcess.TASK_SELF_ASSESS, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ExAnteProcess.TASK_REASSESS,
        ExAnteProcess.TASK_EXPERT_REVIEW, ExAnteProcess.TASK_EXPERT_REVIEW, ExAnteProcess.TASK_EXPERT_REVIEW,
        ExAnteProcess.TASK_EXPERT_REVIEW, ExAnteProcess.TASK_EXPERT_REVIEW, ExAnteProcess.TASK_EXPERT_REVIEW,
        ExAnteProcess.TASK_EXPERT_REVIEW, ExAnteProcess.TASK_JOINT_REVIEW);
    assertThat(opinions).extracting(ProjectView.OpinionView::reviewerRole).containsExactly(
        "budgetUnit", SUPERVISOR, "budgetUnit", "budgetUnit", SUPERVISOR, FINANCE,
        "expert", "expert", "expert", "expert", "expert", "expert", "expert", "budgetCommittee");
    assertThat(opinions).allSatisfy(o -> assertThat(o.reviewer()).isNotBlank());
    assertThat(opinions).extracting(ProjectView.OpinionView::givenAt).isSorted();
  }

  private ProcessInstance toExpertPanel() {
    ProcessInstance instance = apply("qijiang", ItemType.NEW_CONSTRUCTION, "10000000.00", true);
    selfAssess(instance, "qijiang");
    decide(instance, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    decide(instance, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE", ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, true,
        ExAnteProcess.VAR_EXPERT_PANEL_MODE, "DRAW");
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_EXPERT_REVIEW);
    return instance;
  }

  private void expertsDecide(ProcessInstance instance, String... decisions) {
    List<Task> experts = taskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).list();
    assertThat(experts).hasSize(decisions.length);
    assertThat(experts).extracting(Task::getAssignee).doesNotContainNull().doesNotHaveDuplicates()
        .allMatch(a -> a.startsWith(instance.getTenantId() + "-expert"));
    for (int i = 0; i < decisions.length; i++) {
      // each seat is its expert's, assigned when the panel was composed
      assertThat(taskService.getIdentityLinksForTask(experts.get(i).getId())).noneMatch(l -> l.getGroupId() != null);
      taskService.complete(experts.get(i).getId(), Map.of(ExAnteProcess.VAR_EXPERT_DECISION, decisions[i],
          ExAnteProcess.VAR_EXPERT_COMMENT, "专家 " + (i + 1)));
    }
  }

  private void selfAssess(ProcessInstance instance, String district) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("scoreNecessity", 90);
    variables.put("scoreEconomy", 80);
    variables.put("scoreGoalReasonableness", 70);
    variables.put("scoreFeasibility", 85);
    variables.put("scoreFinancingCompliance", 95);
    variables.put(ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "立项必要，方案可行");
    complete(instance, ExAnteProcess.TASK_SELF_ASSESS, district + "-education", variables);
  }

  private void decide(ProcessInstance instance, String step, String candidateGroup, String decision,
      Object... more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ExAnteProcess.VAR_REVIEW_DECISION, decision);
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    complete(instance, step, candidateGroup, variables);
  }

  private void complete(ProcessInstance instance, String step, String candidateGroup, Map<String, Object> variables) {
    assertThat(instance).isWaitingAt(step);
    Task task = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).singleResult();
    // the projects here are of <district>-education, a unit of the district's 教育局 (<district>-edu-bureau)
    assertThat(task).hasCandidateGroup(SUPERVISOR.equals(candidateGroup) ? task.getTenantId() + "-edu-bureau"
        : candidateGroup);
    taskService.complete(task.getId(), variables);
  }

  private ProcessInstance apply(String district, ItemType itemType, String amount, boolean newSpending) {
    String code = district.toUpperCase() + "-" + System.nanoTime();
    ProjectView project = projects.apply(ApplyProjectRequest.of(code, "测试项目", district, district + "-education",
        itemType, new BigDecimal(amount), newSpending), callers.of(district + "-edu"));
    // the project's lifecycle calls the assessment with the project code as business key
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExAnteProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
    return running != null ? running : ended(code);
  }

  /** An assessment that ended while it started (listed at once), for camunda-bpm-assert, from history. */
  private ProcessInstance ended(String code) {
    HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ExAnteProcess.KEY).processInstanceBusinessKey(code).singleResult();
    return new EndedInstance(h);
  }

  private ProjectView project(ProcessInstance instance, String district) {
    return projects.find(instance.getBusinessKey(), callers.of(district + "-edu"));
  }
}
