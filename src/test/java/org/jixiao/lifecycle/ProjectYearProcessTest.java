package org.jixiao.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.EndedInstance;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteAssessmentService;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.goal.GoalSampling;
import org.jixiao.goal.GoalQueries;
import org.jixiao.goal.GoalSetStatus;
import org.jixiao.goal.GoalSetView;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.monitoring.KeyMonitoring;
import org.jixiao.monitoring.KeyReason;
import org.jixiao.monitoring.MonitoringProcess;
import org.jixiao.monitoring.MonitoringQueries;
import org.jixiao.monitoring.MonitoringView;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStage;
import org.jixiao.project.ProjectStatus;
import org.jixiao.project.ProjectView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Projects of three districts driven through the project-year lifecycle: at every wait state the lifecycle
 * waits at the call activity of the stage, the stage's own instance at the right step, and the project's
 * record (status and stage, and the goal set's status) says the same ({@link #agrees}). Tasks are completed
 * as trusted test code, like the stage tests do.
 */
@PlatformTest
class ProjectYearProcessTest {

  static final String SUPERVISOR = "supervisingDepartment";
  static final String FINANCE = "financePerformance";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProjectService projects;
  @Autowired GoalQueries goals;
  @Autowired GoalSampling sampling;
  @Autowired ExAnteAssessmentService assessments;
  @Autowired CallerLookup callers;
  @Autowired KeyMonitoring keyMonitoring;
  @Autowired MonitoringQueries monitoringQueries;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void qijiangPolicyOfSixMillionIsAssessedReturnedListedItsGoalsApprovedAndMonitoredInTwoRounds() {
    String code = apply("qijiang", ItemType.GENERAL_POLICY, "6000000.00", true, 2027);
    agrees(code, ExAnteProcess.TASK_SELF_ASSESS);

    selfAssess(code, "qijiang");
    agrees(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    exAnte(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "RETURN");
    agrees(code, ExAnteProcess.TASK_REVISE_APPLICATION);
    exAnteComplete(code, ExAnteProcess.TASK_REVISE_APPLICATION, "qijiang-education",
        Map.of(ExAnteProcess.VAR_REVISION_NOTE, "已补充测算依据"));
    agrees(code, ExAnteProcess.TASK_SELF_ASSESS);
    selfAssess(code, "qijiang");
    agrees(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    exAnte(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, ExAnteProcess.TASK_REASSESS);
    exAnte(code, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE");

    String goalSet = code + "-2027";
    agrees(code, GoalReviewProcess.TASK_DRAFT_GOALS);
    goal(goalSet, GoalReviewProcess.TASK_DRAFT_GOALS, "qijiang-education", Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, GOALS));
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_FINANCE, FINANCE, "APPROVE");

    agrees(code, MonitoringProcess.GATEWAY_AWAIT_ROUND);
    // key monitoring adds the October round to the default July one: two rounds, both opened by their timers
    keyMonitoring.mark(code, 2027, KeyReason.MAJOR_POLICY, "重大政策", callers.of("qijiang-perf"));
    for (int round = 1; round <= 2; round++) {
      fireTimer(code);
      agrees(code, MonitoringProcess.TASK_REPORT_MONITORING);
      monitoring(code, MonitoringProcess.TASK_REPORT_MONITORING, "qijiang-education",
          Map.of(MonitoringProcess.VAR_MONITORING_REPORT, onSchedule(round == 1 ? "3600000" : "5000000")));
      agrees(code, MonitoringProcess.TASK_REVIEW_BY_FINANCE);
      monitoring(code, MonitoringProcess.TASK_REVIEW_BY_FINANCE, FINANCE,
          Map.of(MonitoringProcess.VAR_REVIEW_DECISION, "APPROVE"));
      agrees(code, MonitoringProcess.GATEWAY_AWAIT_ROUND);
    }
    fireTimer(code); // the year's end

    agrees(code, ProjectYearProcess.END_MONITORING_ENDED);
    assertThat(ended(lifecycle(code))).hasPassedInOrder(ProjectYearProcess.CALL_EX_ANTE_ASSESSMENT,
        ProjectYearProcess.TASK_OPEN_GOAL_SETTING, ProjectYearProcess.CALL_GOAL_REVIEW,
        ProjectYearProcess.TASK_RECORD_GOALS_APPROVED, ProjectYearProcess.TASK_OPEN_MONITORING,
        ProjectYearProcess.CALL_EXECUTION_MONITORING, ProjectYearProcess.TASK_RECORD_MONITORING_ENDED,
        ProjectYearProcess.END_MONITORING_ENDED);
    MonitoringView view = monitoringQueries.find(code, 2027, admin());
    assertThat(view.rounds()).extracting(MonitoringView.Round::asOfDate, MonitoringView.Round::light,
        MonitoringView.Round::status).containsExactly(
            org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.of(2027, 7, 31), "GREEN", "CLOSED"),
            org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.of(2027, 10, 31), "GREEN", "CLOSED"));
  }

  @Test
  void jilinProjectOfThirtyFiveMillionGoesThroughJointReviewAndTwoGoalRounds() {
    String code = apply("jilin", ItemType.DEPARTMENT_PROJECT, "35000000.00", true, 2027);
    agrees(code, ExAnteProcess.TASK_SELF_ASSESS);

    selfAssess(code, "jilin");
    agrees(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    exAnte(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, ExAnteProcess.TASK_REASSESS);
    exAnte(code, ExAnteProcess.TASK_REASSESS, FINANCE, "APPROVE", ExAnteProcess.VAR_APPROVED_AMOUNT, "30000000.00");
    agrees(code, ExAnteProcess.TASK_JOINT_REVIEW);
    exAnte(code, ExAnteProcess.TASK_JOINT_REVIEW, "budgetCommittee", "APPROVE");

    // 两上两下: 一上, 初审, 一下 (opinions only), 二上, 初审, 二下 (approval)
    String goalSet = code + "-2027";
    agrees(code, GoalReviewProcess.TASK_DRAFT_GOALS);
    assertThat(goals.find(goalSet, admin()).budgetAmount()).as("the approved amount is budgeted")
        .isEqualByComparingTo("30000000.00");
    goal(goalSet, GoalReviewProcess.TASK_DRAFT_GOALS, "jilin-education", Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, GOALS));
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS);
    goal(goalSet, GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS, FINANCE,
        Map.of(GoalReviewProcess.VAR_REVIEW_COMMENT, "请对标全省考核指标"));
    agrees(code, GoalReviewProcess.TASK_REVISE_GOALS);
    goal(goalSet, GoalReviewProcess.TASK_REVISE_GOALS, "jilin-education", Map.of(GoalReviewProcess.VAR_GOAL_DRAFT,
        REVISED_GOALS, GoalReviewProcess.VAR_REVISION_NOTE, "已对标"));
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_FINANCE, FINANCE, "APPROVE");

    agrees(code, MonitoringProcess.GATEWAY_AWAIT_ROUND);
    assertThat(goals.find(goalSet, admin()).financeRound()).isEqualTo(2);
  }

  @Test
  void chongqingProjectWaitsForTheSpotCheckDrawBeforeItsGoalStageEnds() {
    String code = apply("chongqing", ItemType.DEPARTMENT_PROJECT, "2000000.00", true, CHONGQING_YEAR);
    agrees(code, ExAnteProcess.TASK_SELF_ASSESS);

    selfAssess(code, "chongqing");
    agrees(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    exAnte(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");

    String goalSet = code + "-" + CHONGQING_YEAR;
    agrees(code, GoalReviewProcess.TASK_DRAFT_GOALS);
    goal(goalSet, GoalReviewProcess.TASK_DRAFT_GOALS, "chongqing-education", Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, GOALS));
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
    goalDecision(goalSet, GoalReviewProcess.TASK_REVIEW_BY_FINANCE, FINANCE, "APPROVE");
    // approved, but the goal stage lasts until the 抽审 draw (20 % of one set rounds to none drawn)
    agrees(code, GoalReviewProcess.EVENT_SAMPLE_DRAWN);

    sampling.draw("chongqing", CHONGQING_YEAR, 1L, callers.of("chongqing-perf"));

    agrees(code, MonitoringProcess.GATEWAY_AWAIT_ROUND);
    assertThat(ended(goalReview(goalSet))).hasPassed(GoalReviewProcess.END_NOT_SAMPLED);
  }

  @Test
  void aRejectedProjectEndsItsLifecycleWithoutGoals() {
    String code = apply("enyang", ItemType.NEW_CONSTRUCTION, "2000000.00", true, 2027);
    agrees(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    exAnte(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, SUPERVISOR, "APPROVE");
    agrees(code, ExAnteProcess.TASK_REASSESS);
    exAnte(code, ExAnteProcess.TASK_REASSESS, FINANCE, "REJECT", ExAnteProcess.VAR_REVIEW_COMMENT, "重复建设");

    agrees(code, ProjectYearProcess.END_PROJECT_REJECTED);
    assertThat(ended(lifecycle(code))).hasNotPassed(ProjectYearProcess.TASK_OPEN_GOAL_SETTING,
        ProjectYearProcess.CALL_GOAL_REVIEW);
  }

  @Test
  void aWithdrawnApplicationEndsItsLifecycle() {
    String code = apply("gaomi", ItemType.NEW_CONSTRUCTION, "20000000.00", true, 2027);
    agrees(code, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);

    assessments.withdraw(code, callers.of("gaomi-edu"));

    agrees(code, ProjectYearProcess.END_APPLICATION_WITHDRAWN);
    assertThat(ended(exAnte(code))).hasPassed(ExAnteProcess.END_APPLICATION_WITHDRAWN);
  }

  @Test
  void aProjectBelowEveryThresholdIsListedAtOnceAndItsDepartmentFollowsEveryInstance() {
    String code = apply("qijiang", ItemType.DEPARTMENT_PROJECT, "100000.00", false, 2027);

    agrees(code, GoalReviewProcess.TASK_DRAFT_GOALS);
    ProcessInstance lifecycle = lifecycle(code);
    assertThat(lifecycle).isWaitingAt(ProjectYearProcess.CALL_GOAL_REVIEW)
        .calledProcessInstance(GoalReviewProcess.KEY).isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS);
    for (String instance : List.of(lifecycle.getId(), exAnte(code).getId(), goalReview(code + "-2027").getId())) {
      for (Resources resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("qijiang-education")
            .resourceType(resource).resourceId(instance).count()).as("%s of %s", resource, instance).isOne();
      }
    }
    Caller unit = callers.of("qijiang-edu");
    engine.getIdentityService().setAuthentication(unit.userId(), List.copyOf(unit.groupIds()),
        List.copyOf(unit.districts()));
    try {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count())
          .as("the unit reads its lifecycle and assessment").isEqualTo(2);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code + "-2027").count())
          .as("and works its goals").isOne();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Caller other = callers.of("qijiang-health");
    engine.getIdentityService().setAuthentication(other.userId(), List.copyOf(other.groupIds()),
        List.copyOf(other.districts()));
    try {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count())
          .as("another department reads none of them").isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  // ---- the agreement rule ----

  /**
   * Where the lifecycle stands ({@code step}: a step of the stage it waits in, or the end it reached) and what
   * the domain tables say agree: the lifecycle waits at the stage's call activity, the stage's own instance
   * (called in the project's district, with its business key) at the step, and the project's status and stage
   * and the goal set's status are the ones that step implies.
   */
  private void agrees(String code, String step) {
    ProjectView project = projects.find(code, admin());
    ProcessInstance lifecycle = lifecycle(code);
    assertThat(project.processInstanceId()).as("the project's instance is its lifecycle").isEqualTo(lifecycle.getId());
    assertThat(lifecycle.getTenantId()).isEqualTo(project.district());
    String goalSet = code + "-" + project.budgetYear();

    if (step.startsWith("EndEvent_")) {
      assertThat(ended(lifecycle)).hasPassed(step).isEnded();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count())
          .as("nothing of the project runs on").isZero();
      switch (step) {
        case ProjectYearProcess.END_MONITORING_ENDED -> {
          assertThat(project.status()).isEqualTo(ProjectStatus.LISTED);
          assertThat(project.stage()).isEqualTo(ProjectStage.MONITORED);
          assertThat(ended(monitoringOf(code, project.budgetYear()))).hasPassed(MonitoringProcess.END_MONITORING_ENDED);
          GoalSetView set = goals.find(goalSet, admin());
          assertThat(set.status()).isEqualTo(GoalSetStatus.APPROVED);
          assertThat(set.processInstanceId()).isEqualTo(goalReview(goalSet).getId());
          assertThat(ended(goalReview(goalSet))).isEnded();
        }
        case ProjectYearProcess.END_PROJECT_REJECTED -> {
          assertThat(project.status()).isEqualTo(ProjectStatus.REJECTED);
          assertThat(project.stage()).isEqualTo(ProjectStage.EX_ANTE);
          assertThat(ended(exAnte(code))).hasPassed(ExAnteProcess.END_PROJECT_REJECTED);
          assertThat(goalReview(goalSet)).isNull();
        }
        case ProjectYearProcess.END_APPLICATION_WITHDRAWN -> {
          assertThat(project.status()).isEqualTo(ProjectStatus.WITHDRAWN);
          assertThat(project.stage()).isEqualTo(ProjectStage.EX_ANTE);
          assertThat(ended(exAnte(code))).hasPassed(ExAnteProcess.END_APPLICATION_WITHDRAWN);
          assertThat(goalReview(goalSet)).isNull();
        }
        default -> throw new IllegalArgumentException(step);
      }
      return;
    }

    boolean exAnteStep = step.equals(ExAnteProcess.TASK_SELF_ASSESS) || step.equals(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR)
        || step.equals(ExAnteProcess.TASK_REASSESS) || step.equals(ExAnteProcess.TASK_EXPERT_REVIEW)
        || step.equals(ExAnteProcess.TASK_JOINT_REVIEW) || step.equals(ExAnteProcess.TASK_REVISE_APPLICATION);
    if (exAnteStep) {
      assertThat(lifecycle).isWaitingAt(ProjectYearProcess.CALL_EX_ANTE_ASSESSMENT)
          .calledProcessInstance(ExAnteProcess.KEY).isWaitingAt(step);
      ProcessInstance exAnte = exAnte(code);
      assertThat(exAnte.getTenantId()).as("called in the project's district").isEqualTo(project.district());
      assertThat(exAnte.getBusinessKey()).isEqualTo(code);
      assertThat(project.stage()).isEqualTo(ProjectStage.EX_ANTE);
      assertThat(project.status()).isEqualTo(step.equals(ExAnteProcess.TASK_REVISE_APPLICATION)
          ? ProjectStatus.RETURNED : ProjectStatus.SUBMITTED);
      assertThat(goalReview(goalSet)).as("no goals before listing").isNull();
      return;
    }

    if (step.equals(MonitoringProcess.GATEWAY_AWAIT_ROUND) || step.equals(MonitoringProcess.TASK_REPORT_MONITORING)
        || step.equals(MonitoringProcess.TASK_REVIEW_BY_FINANCE)) {
      assertThat(lifecycle).isWaitingAt(ProjectYearProcess.CALL_EXECUTION_MONITORING)
          .calledProcessInstance(MonitoringProcess.KEY).isWaitingAt(step);
      assertThat(lifecycle).hasPassed(ProjectYearProcess.TASK_RECORD_GOALS_APPROVED, ProjectYearProcess.TASK_OPEN_MONITORING)
          .variables().containsEntry(ProjectYearProcess.VAR_MONITORING_CODE, goalSet);
      ProcessInstance monitoring = monitoringOf(code, project.budgetYear());
      assertThat(monitoring.getTenantId()).as("called in the project's district").isEqualTo(project.district());
      assertThat(project.stage()).isEqualTo(ProjectStage.MONITORING);
      GoalSetView set = goals.find(goalSet, admin());
      assertThat(set.status()).isEqualTo(GoalSetStatus.APPROVED);
      assertThat(ended(goalReview(goalSet))).isEnded();
      return;
    }

    assertThat(lifecycle).isWaitingAt(ProjectYearProcess.CALL_GOAL_REVIEW)
        .calledProcessInstance(GoalReviewProcess.KEY).isWaitingAt(step);
    assertThat(lifecycle).hasPassed(ProjectYearProcess.TASK_OPEN_GOAL_SETTING)
        .variables().containsEntry(ProjectYearProcess.VAR_EX_ANTE_OUTCOME, ExAnteProcess.OUTCOME_LISTED)
        .containsEntry(ProjectYearProcess.VAR_GOAL_SET_CODE, goalSet);
    assertThat(ended(exAnte(code))).hasPassed(ExAnteProcess.END_PROJECT_LISTED).isEnded();
    ProcessInstance review = goalReview(goalSet);
    assertThat(review.getTenantId()).as("called in the project's district").isEqualTo(project.district());
    assertThat(project.status()).isEqualTo(ProjectStatus.LISTED);
    assertThat(project.stage()).isEqualTo(ProjectStage.GOALS);
    GoalSetView set = goals.find(goalSet, admin());
    assertThat(set.processInstanceId()).as("the goal set knows its review").isEqualTo(review.getId());
    assertThat(set.status()).isEqualTo(switch (step) {
      case GoalReviewProcess.TASK_DRAFT_GOALS -> GoalSetStatus.DRAFTING;
      case GoalReviewProcess.TASK_REVISE_GOALS -> GoalSetStatus.RETURNED;
      case GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR, GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS,
          GoalReviewProcess.TASK_REVIEW_BY_FINANCE -> GoalSetStatus.UNDER_REVIEW;
      case GoalReviewProcess.EVENT_SAMPLE_DRAWN -> GoalSetStatus.APPROVED;
      default -> throw new IllegalArgumentException(step);
    });
  }

  // ---- driving the stages ----

  private String apply(String district, ItemType itemType, String amount, boolean newSpending, int budgetYear) {
    String code = "PY-" + district + "-" + System.nanoTime();
    projects.apply(new ApplyProjectRequest(code, "全周期测试项目", district, district + "-education", itemType,
        BudgetStage.ANNUAL, new BigDecimal(amount), newSpending, FundSource.GENERAL_PUBLIC_BUDGET, 1, null, budgetYear,
        null), callers.of(district + "-edu"));
    return code;
  }

  private void selfAssess(String code, String district) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("scoreNecessity", 90);
    variables.put("scoreEconomy", 80);
    variables.put("scoreGoalReasonableness", 80);
    variables.put("scoreFeasibility", 85);
    variables.put("scoreFinancingCompliance", 90);
    variables.put(ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "立项必要，方案可行");
    exAnteComplete(code, ExAnteProcess.TASK_SELF_ASSESS, district + "-education", variables);
  }

  private void exAnte(String code, String step, String candidateGroup, String decision, Object... more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ExAnteProcess.VAR_REVIEW_DECISION, decision);
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    exAnteComplete(code, step, candidateGroup, variables);
  }

  private void exAnteComplete(String code, String step, String candidateGroup, Map<String, Object> variables) {
    complete(code, ExAnteProcess.KEY, step, candidateGroup, variables);
  }

  private void goalDecision(String goalSet, String step, String candidateGroup, String decision) {
    goal(goalSet, step, candidateGroup, Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, decision,
        GoalReviewProcess.VAR_REVIEW_COMMENT, "意见：" + decision));
  }

  private void goal(String goalSet, String step, String candidateGroup, Map<String, Object> variables) {
    complete(goalSet, GoalReviewProcess.KEY, step, candidateGroup, variables);
  }

  private void complete(String businessKey, String processKey, String step, String candidateGroup,
      Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).processDefinitionKey(processKey)
        .taskDefinitionKey(step).singleResult();
    assertThat(task).as("%s waits at %s", businessKey, step).isNotNull();
    // the projects here are of <district>-education, a unit of the district's 教育局 (<district>-edu-bureau)
    assertThat(task).hasCandidateGroup(SUPERVISOR.equals(candidateGroup) ? task.getTenantId() + "-edu-bureau"
        : candidateGroup);
    taskService.complete(task.getId(), variables);
  }

  private void monitoring(String code, String step, String candidateGroup, Map<String, Object> variables) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(MonitoringProcess.KEY)
        .processInstanceBusinessKey(code + "-2027").singleResult();
    complete(instance.getBusinessKey(), MonitoringProcess.KEY, step, candidateGroup, variables);
  }

  /** The monitoring instance's timer (the next round, or the year's end) fires. */
  private void fireTimer(String code) {
    ProcessInstance instance = monitoringOf(code, 2027);
    BpmnAwareTests.execute(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().singleResult());
  }

  /** A report on schedule: paid as given (元), every indicator at its target, the qualitative one in words. */
  private static org.camunda.spin.plugin.variable.value.JsonValue onSchedule(String paid) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue("""
        {"paidToDate": %s, "indicators": [
          {"position": 0, "valueToDate": 10}, {"position": 1, "valueToDate": 95},
          {"position": 2, "valueText": "按计划推进"}, {"position": 3, "valueToDate": 92}]}""".formatted(paid)).create();
  }

  private ProcessInstance monitoringOf(String code, int budgetYear) {
    return instance(MonitoringProcess.KEY, code + "-" + budgetYear);
  }

  // ---- the instances of a project ----

  private ProcessInstance lifecycle(String code) {
    return instance(ProjectYearProcess.KEY, code);
  }

  private ProcessInstance exAnte(String code) {
    return instance(ExAnteProcess.KEY, code);
  }

  private ProcessInstance goalReview(String goalSet) {
    return instance(GoalReviewProcess.KEY, goalSet);
  }

  /** The instance of the process with the business key, running or ended; null if there is none. */
  private ProcessInstance instance(String processKey, String businessKey) {
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).singleResult();
    if (running != null) {
      return running;
    }
    HistoricProcessInstance done = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).singleResult();
    return done == null ? null : new EndedInstance(done);
  }

  private ProcessInstance ended(ProcessInstance instance) {
    return new EndedInstance(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult());
  }

  private Caller admin() {
    return callers.of("demo");
  }

  /** A budget year of this class's own, so the 抽审 draw's population is only this class's project. */
  static final int CHONGQING_YEAR = 2037;

  static final String GOALS = """
      {"overallGoal": "完成年度建设任务，提升公共服务能力",
       "indicators": [
         {"level1": "OUTPUT", "level2": "QUANTITY", "name": "完成项目数", "comparator": "GE", "targetValue": 10, "unit": "个", "weight": 40},
         {"level1": "OUTPUT", "level2": "TIMELINESS", "name": "按期完成率", "comparator": "GE", "targetValue": 95, "unit": "%", "weight": 20},
         {"level1": "EFFECT", "level2": "SOCIAL", "name": "服务能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 20},
         {"level1": "SATISFACTION", "level2": "SERVICE_SATISFACTION", "name": "服务对象满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  static final String REVISED_GOALS = GOALS.replace("\"targetValue\": 10,", "\"targetValue\": 12,");
}
