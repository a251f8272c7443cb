package org.jixiao.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ProjectService;
import org.jixiao.stage.DeadlineWatch;
import org.jixiao.stage.Deadlines;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks goal review in the shipped districts: the unit drafts (一上), the supervising department reviews
 * first (初审), finance gives opinions (一下, Jilin) or reviews and approves (批复); returns at each step;
 * Chongqing's 抽审 draw and re-check; adjustments approved and refused; overdue escalation; and what the
 * goal record and the funding gate say at each point.
 */
@PlatformTest
class GoalReviewProcessTest {

  static final String SUPERVISOR = "supervisingDepartment";
  static final String FINANCE = "financePerformance";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired GoalSetting setting;
  @Autowired GoalReviews reviews;
  @Autowired GoalAdjustments adjustments;
  @Autowired GoalQueries queries;
  @Autowired GoalSampling sampling;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  @Autowired Goals fixture;
  @Autowired DeadlineWatch watch;
  @Autowired ObjectMapper json;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @ParameterizedTest
  @ValueSource(strings = {"qijiang", "jilin", "chongqing", "enyang", "gaomi"})
  void aListedProjectOpensGoalSettingForItsUnit(String district) {
    String code = fixture.listedProject(district);

    ProcessInstance instance = instance(code);
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS)
        .hasPassed(GoalReviewProcess.TASK_EVALUATE_SETTINGS);
    assertThat(instance).task().hasCandidateGroup(district + "-education");
    assertThat(instance.getTenantId()).isEqualTo(district);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getSuperProcessInstanceId()).as("called by the project's lifecycle").isNotNull();
    GoalSetView set = view(code);
    assertThat(set.processInstanceId()).isEqualTo(instance.getId());
    assertThat(set.status()).isEqualTo(GoalSetStatus.DRAFTING);
    assertThat(set.budgetYear()).isEqualTo(2027);
    assertThat(set.category()).isEqualTo("TRAINING");
    assertThat(set.versions()).isEmpty();
  }

  @Test
  void qijiangReviewsFirstInTheDepartmentThenInFinanceAndApproves() {
    String code = fixture.listedProject("qijiang");
    ProcessInstance instance = instance(code);
    assertThat(instance).variables().containsEntry(GoalReviewProcess.VAR_FINANCE_ROUNDS, 1)
        .containsEntry(GoalReviewProcess.VAR_SAMPLING_PERCENT, 0)
        .containsEntry(GoalReviewProcess.VAR_TASK_DUE_DURATION, "P7D");

    fixture.submit(code, Goals.VALID);
    // qijiang-education's 初审 goes to its own 主管部门 (教育局), not to every supervisor of the district
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR).task()
        .hasCandidateGroup("qijiang-edu-bureau");
    assertThat(taskService.getIdentityLinksForTask(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR).singleResult().getId())).extracting("groupId")
        .doesNotContain(SUPERVISOR, "qijiang-health-commission");
    assertThat(view(code).status()).isEqualTo(GoalSetStatus.UNDER_REVIEW);
    fixture.decide(code, "APPROVE");
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_FINANCE).task().hasCandidateGroup(FINANCE);
    Caller perf = callers.of("qijiang-perf");
    engine.getIdentityService().setAuthentication(perf.userId(), List.copyOf(perf.groupIds()), List.copyOf(perf.districts()));
    try {
      fixture.decide(code, "APPROVE");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(ended(instance)).hasPassed(GoalReviewProcess.TASK_APPROVE_GOALS, GoalReviewProcess.END_GOALS_APPROVED)
        .hasNotPassed(GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS, GoalReviewProcess.TASK_REVISE_GOALS,
            GoalReviewProcess.EVENT_SAMPLE_DRAWN)
        .isEnded();
    GoalSetView set = view(code);
    assertThat(set.status()).isEqualTo(GoalSetStatus.APPROVED);
    assertThat(set.approvedVersion()).isEqualTo(1);
    assertThat(set.versions().get(0).state()).isEqualTo(GoalVersionState.APPROVED);
    assertThat(set.versions().get(0).decidedBy()).isEqualTo("qijiang-perf");
    assertThat(set.opinions().get(2).reviewerRole()).isEqualTo(FINANCE);
    assertThat(set.versions().get(0).indicators()).extracting(GoalSetView.IndicatorView::name)
        .containsExactly("培训人次", "培训合格率", "教学能力提升", "参训人员满意度");
    assertThat(set.opinions()).extracting(GoalSetView.OpinionView::step).containsExactly(
        GoalReviewProcess.TASK_DRAFT_GOALS, GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR,
        GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
    assertThat(set.opinions()).extracting(GoalSetView.OpinionView::decision)
        .containsExactly("SUBMIT_GOALS", "APPROVE", "APPROVE");
  }

  @Test
  void returnsAtEachStepGoBackToTheUnitAndEveryRevisionIsAVersion() {
    String code = fixture.listedProject("qijiang");
    ProcessInstance instance = instance(code);
    fixture.submit(code, Goals.VALID);

    fixture.decide(code, "RETURN");
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVISE_GOALS).task().hasCandidateGroup("qijiang-education");
    assertThat(view(code).status()).isEqualTo(GoalSetStatus.RETURNED);
    fixture.complete(code, Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, Goals.REVISED,
        GoalReviewProcess.VAR_REVISION_NOTE, "按初审意见增加培训人次"));
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    fixture.decide(code, "APPROVE");
    fixture.decide(code, "RETURN");
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVISE_GOALS);
    fixture.submit(code, Goals.REVISED);
    fixture.decide(code, "APPROVE");
    fixture.decide(code, "APPROVE");

    assertThat(ended(instance)).hasPassed(GoalReviewProcess.END_GOALS_APPROVED).isEnded();
    GoalSetView set = view(code);
    assertThat(set.versions()).extracting(GoalSetView.VersionView::state).containsExactly(
        GoalVersionState.RETURNED, GoalVersionState.RETURNED, GoalVersionState.APPROVED);
    assertThat(set.versions()).extracting(GoalSetView.VersionView::kind).containsExactly(
        GoalVersionKind.SUBMISSION, GoalVersionKind.REVISION, GoalVersionKind.REVISION);
    assertThat(set.opinions().get(2).comment()).isEqualTo("按初审意见增加培训人次");
    assertThat(set.opinions().get(2).decision()).isEqualTo("RESUBMIT_GOALS");
  }

  @Test
  void aRevisionShowsWhatChangedAgainstThePreviousVersion() {
    String code = fixture.listedProject("qijiang");
    fixture.submit(code, Goals.VALID);
    fixture.decide(code, "RETURN");
    fixture.submit(code, Goals.REVISED);

    GoalSetView.Changes changes = view(code).changes();
    assertThat(changes.fromVersion()).isEqualTo(1);
    assertThat(changes.toVersion()).isEqualTo(2);
    assertThat(changes.overallGoalChanged()).isFalse();
    assertThat(changes.indicators()).extracting(GoalSetView.IndicatorChange::type, GoalSetView.IndicatorChange::name,
            GoalSetView.IndicatorChange::before, GoalSetView.IndicatorChange::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(GoalSetView.ChangeType.CHANGED, "培训人次", "≥ 300 人次，权重 30",
                "≥ 400 人次，权重 30"),
            org.assertj.core.groups.Tuple.tuple(GoalSetView.ChangeType.ADDED, "培训按期完成率", null,
                "= 100 %，权重 20"),
            org.assertj.core.groups.Tuple.tuple(GoalSetView.ChangeType.REMOVED, "培训合格率", "≥ 95 %，权重 20", null));
  }

  @Test
  void jilinTwoUpTwoDownRunsItsTwoRoundsInOrder() {
    String code = fixture.listedProject("jilin");
    ProcessInstance instance = instance(code);
    assertThat(instance).variables().containsEntry(GoalReviewProcess.VAR_FINANCE_ROUNDS, 2);

    fixture.submit(code, Goals.VALID);                       // 一上
    fixture.decide(code, "APPROVE");                         // 初审
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS).task().hasCandidateGroup(FINANCE);
    assertThat(instance).variables().containsEntry(GoalReviewProcess.VAR_FINANCE_ROUND, 1)
        .containsEntry(GoalReviewProcess.VAR_OPINION_ROUND, true);
    fixture.complete(code, Map.of(GoalReviewProcess.VAR_REVIEW_COMMENT, "培训人次偏低，请与全省教师培训规划衔接"));  // 一下

    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVISE_GOALS);
    GoalSetView secondUp = view(code);
    assertThat(secondUp.status()).isEqualTo(GoalSetStatus.RETURNED);
    GoalSetView.OpinionView firstDown = secondUp.opinions().get(secondUp.opinions().size() - 1);
    assertThat(firstDown.decision()).isEqualTo("FEEDBACK");
    assertThat(firstDown.stepName()).isEqualTo("财政反馈审核意见（一下）");
    assertThat(firstDown.comment()).isEqualTo("培训人次偏低，请与全省教师培训规划衔接");
    fixture.submit(code, Goals.REVISED);                     // 二上
    fixture.decide(code, "APPROVE");                         // 初审 of the revision
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
    assertThat(instance).variables().containsEntry(GoalReviewProcess.VAR_FINANCE_ROUND, 2)
        .containsEntry(GoalReviewProcess.VAR_OPINION_ROUND, false);
    fixture.decide(code, "APPROVE");                         // 二下 批复

    assertThat(ended(instance)).hasPassed(GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS,
        GoalReviewProcess.TASK_REVIEW_BY_FINANCE, GoalReviewProcess.END_GOALS_APPROVED).isEnded();
    GoalSetView set = view(code);
    assertThat(set.opinions()).extracting(GoalSetView.OpinionView::decision).containsExactly(
        "SUBMIT_GOALS", "APPROVE", "FEEDBACK", "RESUBMIT_GOALS", "APPROVE", "APPROVE");
    assertThat(set.versions()).extracting(GoalSetView.VersionView::state)
        .containsExactly(GoalVersionState.RETURNED, GoalVersionState.APPROVED);
    assertThat(set.financeRound()).isEqualTo(2);
  }

  @Test
  void jilinFirstDownNeedsWrittenOpinions() {
    String code = fixture.listedProject("jilin");
    fixture.submit(code, Goals.VALID);
    fixture.decide(code, "APPROVE");

    assertThatThrownBy(() -> fixture.complete(code, Map.of()))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("反馈给单位的审核意见");
    assertThat(instance(code)).isWaitingAt(GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS);
  }

  @Test
  void jilinAReturnInTheSecondRoundComesBackToAnotherApprovalRoundNotToOpinions() {
    String code = fixture.listedProject("jilin");
    ProcessInstance instance = instance(code);
    fixture.submit(code, Goals.VALID);
    fixture.decide(code, "APPROVE");
    fixture.complete(code, Map.of(GoalReviewProcess.VAR_REVIEW_COMMENT, "请细化效益指标"));
    fixture.submit(code, Goals.REVISED);
    fixture.decide(code, "APPROVE");
    fixture.decide(code, "RETURN");                          // 二下 returns
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVISE_GOALS);
    fixture.submit(code, Goals.VALID);
    fixture.decide(code, "APPROVE");

    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
    assertThat(instance).variables().containsEntry(GoalReviewProcess.VAR_FINANCE_ROUND, 3);
  }

  @Test
  void jilinDepartmentWholeBudgetGoalsHaveOneRound() {
    GoalSetView opened = setting.open(new OpenGoalSetRequest(null, "jilin", "jilin-education", 2027,
        new java.math.BigDecimal("52000000.00")), callers.of("jilin-edu"));
    ProcessInstance instance = instance(opened.code());
    assertThat(opened.subject()).isEqualTo(GoalSubject.DEPARTMENT);
    assertThat(opened.processInstanceId()).isEqualTo(instance.getId());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getSuperProcessInstanceId()).as("a unit's own goal setting starts goal review directly").isNull();
    assertThat(instance).variables().containsEntry(GoalReviewProcess.VAR_FINANCE_ROUNDS, 1);
    fixture.submit(opened.code(), Goals.VALID);
    fixture.decide(opened.code(), "APPROVE");
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_FINANCE);
  }

  @Test
  void aReviewWithoutADecisionOrAReturnWithoutReasonsIsRefusedAndTheTaskStaysOpen() {
    String code = fixture.listedProject("qijiang");
    fixture.submit(code, Goals.VALID);

    assertThatThrownBy(() -> fixture.complete(code, Map.of()))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请选择审核结论");
    assertThatThrownBy(() -> fixture.complete(code, Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, "RETURN")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请写明意见");
    assertThatThrownBy(() -> fixture.complete(code, Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, "REJECT",
        GoalReviewProcess.VAR_REVIEW_COMMENT, "不行")))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    assertThat(instance(code)).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(view(code).opinions()).hasSize(1);
  }

  @Test
  void invalidGoalsAreRefusedNothingIsStoredAndTheDraftTaskStaysOpen() {
    String code = fixture.listedProject("qijiang");
    String noEffect = Goals.VALID.replace("\"EFFECT\", \"level2\": \"SOCIAL\"", "\"OUTPUT\", \"level2\": \"COST\"");

    assertThatThrownBy(() -> fixture.submit(code, noEffect))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("至少设置一项效益指标");
    assertThatThrownBy(() -> fixture.submit(code, "{not json"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("格式无法识别");
    assertThatThrownBy(() -> fixture.complete(code, Map.of()))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请填写绩效目标");

    assertThat(instance(code)).isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS);
    GoalSetView set = view(code);
    assertThat(set.versions()).isEmpty();
    assertThat(set.opinions()).isEmpty();
    assertThat(set.status()).isEqualTo(GoalSetStatus.DRAFTING);
  }

  @Test
  void theFundingGateRefusesAListedProjectWithoutApprovedGoalsAndOpensAfterApproval() {
    String code = fixture.listedProject("qijiang");
    String project = code.substring(0, code.length() - "-2027".length());

    var closed = projects.fundingEligibility(project, callers.of("qijiang-edu"));
    assertThat(closed.eligible()).isFalse();
    assertThat(closed.budgetable()).isFalse();
    assertThat(closed.reasons()).extracting(r -> r.code()).containsExactly("GOALS_NOT_APPROVED");
    assertThat(closed.reasons().get(0).message()).contains("无目标不得安排预算");

    fixture.submit(code, Goals.VALID);
    fixture.decide(code, "APPROVE");
    assertThat(projects.fundingEligibility(project, callers.of("qijiang-edu")).eligible()).isFalse();
    fixture.decide(code, "APPROVE");

    var open = projects.fundingEligibility(project, callers.of("qijiang-edu"));
    assertThat(open.eligible()).isTrue();
    assertThat(open.reasons()).isEmpty();
  }

  @Test
  void anApprovedVersionCannotBeModifiedOnlyAdjusted() {
    String code = fixture.approved("qijiang");
    GoalSetView before = view(code);

    assertThatThrownBy(() -> reviews.submit(code, json.readValue(Goals.REVISED, GoalDraft.class), new GoalOpinion(
        GoalReviewProcess.TASK_REVISE_GOALS, "修改绩效目标", "qijiang-edu", "budgetUnit", ReviewDecision.SUBMIT_GOALS, null)))
        .isInstanceOf(ApiException.class).hasMessageContaining("绩效目标已批复，不能直接修改");

    GoalSetView after = view(code);
    assertThat(after.versions()).hasSize(1);
    assertThat(after.versions().get(0).indicators()).isEqualTo(before.versions().get(0).indicators());
    assertThat(after.versions().get(0).overallGoal()).isEqualTo(before.versions().get(0).overallGoal());
  }

  @Test
  void anAdjustmentFinanceReapprovesBecomesTheApprovedVersionAndKeepsTheOldOneInTheHistory() {
    String code = fixture.approved("qijiang");
    GoalSetView before = view(code);

    adjustments.requestAdjustment(code, new AdjustmentRequest("受场地改造影响，培训改为线上线下结合，人次调增",
        draft(Goals.REVISED)), callers.of("qijiang-edu"));
    assertThat(view(code).status()).isEqualTo(GoalSetStatus.ADJUSTING);
    ProcessInstance adjustment = adjustment(code);
    assertThat(adjustment).isWaitingAt(GoalReviewProcess.TASK_REVIEW_ADJUSTMENT).task().hasCandidateGroup(FINANCE);
    assertThat(adjustment).variables().containsEntry(GoalReviewProcess.VAR_ADJUSTMENT_VERSION, 2);
    // still approved, still fundable while the adjustment is reviewed
    assertThat(view(code).approvedVersion()).isEqualTo(1);
    taskService.complete(adjustmentTask(code).getId(), Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, "APPROVE",
        GoalReviewProcess.VAR_REVIEW_COMMENT, "同意调整"));

    assertThat(ended(adjustment)).hasPassed(GoalReviewProcess.TASK_APPROVE_ADJUSTMENT,
        GoalReviewProcess.END_ADJUSTMENT_APPROVED).hasNotPassed(GoalReviewProcess.TASK_REFUSE_ADJUSTMENT).isEnded();
    GoalSetView set = view(code);
    assertThat(set.status()).isEqualTo(GoalSetStatus.APPROVED);
    assertThat(set.approvedVersion()).isEqualTo(2);
    assertThat(set.versions()).extracting(GoalSetView.VersionView::state)
        .containsExactly(GoalVersionState.SUPERSEDED, GoalVersionState.APPROVED);
    assertThat(set.versions().get(1).kind()).isEqualTo(GoalVersionKind.ADJUSTMENT);
    assertThat(set.versions().get(1).reason()).startsWith("受场地改造影响");
    assertThat(set.versions().get(0).indicators()).isEqualTo(before.versions().get(0).indicators());
    assertThat(set.changes().fromVersion()).isEqualTo(1);
    assertThat(set.opinions()).extracting(GoalSetView.OpinionView::decision).endsWith("REQUEST_ADJUSTMENT", "APPROVE");
    assertThat(set.opinions()).extracting(GoalSetView.OpinionView::decisionLabel).endsWith("申请调整目标", "同意调整");
  }

  @Test
  void aRefusedAdjustmentLeavesTheApprovedGoalsInForce() {
    String code = fixture.approved("enyang");

    adjustments.requestAdjustment(code, new AdjustmentRequest("希望降低培训人次", draft(Goals.REVISED)),
        callers.of("enyang-edu"));
    assertThatThrownBy(() -> adjustments.requestAdjustment(code, new AdjustmentRequest("再次申请", draft(Goals.VALID)),
        callers.of("enyang-edu"))).isInstanceOf(ApiException.class).hasMessageContaining("调整审核中");
    ProcessInstance adjustment = adjustment(code);
    taskService.complete(adjustmentTask(code).getId(), Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, "REJECT",
        GoalReviewProcess.VAR_REVIEW_COMMENT, "理由不充分，不予调整"));

    assertThat(ended(adjustment)).hasPassed(GoalReviewProcess.TASK_REFUSE_ADJUSTMENT,
        GoalReviewProcess.END_ADJUSTMENT_REFUSED).hasNotPassed(GoalReviewProcess.TASK_APPROVE_ADJUSTMENT);
    GoalSetView set = view(code);
    assertThat(set.status()).isEqualTo(GoalSetStatus.APPROVED);
    assertThat(set.approvedVersion()).isEqualTo(1);
    assertThat(set.versions()).extracting(GoalSetView.VersionView::state)
        .containsExactly(GoalVersionState.APPROVED, GoalVersionState.REFUSED);
    assertThat(set.opinions().get(set.opinions().size() - 1).decisionLabel()).isEqualTo("不予调整");
  }

  @Test
  void onlyTheOwnUnitMayAskForAnAdjustmentAndOnlyOfApprovedGoals() {
    String approved = fixture.approved("qijiang");
    String drafting = fixture.listedProject("qijiang");

    assertThatThrownBy(() -> adjustments.requestAdjustment(approved, new AdjustmentRequest("代为调整", draft(Goals.REVISED)),
        callers.of("qijiang-health"))).isInstanceOf(ApiException.class).hasMessageContaining("谁申请资金，谁设定目标");
    assertThatThrownBy(() -> adjustments.requestAdjustment(drafting, new AdjustmentRequest("调整", draft(Goals.REVISED)),
        callers.of("qijiang-edu"))).isInstanceOf(ApiException.class).hasMessageContaining("只有已批复的绩效目标可以申请调整");
  }

  @Test
  void chongqingDrawsExactlyItsShareOfApprovedGoalsForTheSpotCheck() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String code = fixture.approved("chongqing", 2040);
      codes.add(code);
      assertThat(instance(code)).isWaitingAt(GoalReviewProcess.EVENT_SAMPLE_DRAWN);
      assertThat(instance(code)).variables().containsEntry(GoalReviewProcess.VAR_SAMPLING_PERCENT, 20);
    }
    List<String> waiting = waitingForDraw("chongqing", 2040);
    assertThat(waiting).containsExactlyInAnyOrderElementsOf(codes);

    List<GoalSampling.DrawResult> draws = sampling.draw("chongqing", 2040, 20261123L, callers.of("chongqing-perf"));

    assertThat(draws).hasSize(1);
    GoalSampling.DrawResult draw = draws.get(0);
    assertThat(draw.population()).isEqualTo(10);
    assertThat(draw.drawn()).isEqualTo(2);    // 20% of 10
    assertThat(draw.drawnCodes()).hasSize(draw.drawn())
        .containsExactlyInAnyOrderElementsOf(
            GoalSampling.select(waiting.stream().sorted().toList(), draw.drawn(), 20261123L));
    assertThat(draw.seed()).isEqualTo(20261123L);
    for (String code : codes) {
      boolean drawn = draw.drawnCodes().contains(code);
      assertThat(view(code).sampled()).isEqualTo(drawn);
      if (drawn) {
        assertThat(instance(code)).isWaitingAt(GoalReviewProcess.TASK_SPOT_CHECK).task().hasCandidateGroup(FINANCE);
      } else {
        assertThat(ended(instance(code))).hasPassed(GoalReviewProcess.END_NOT_SAMPLED)
            .hasNotPassed(GoalReviewProcess.TASK_SPOT_CHECK);
      }
    }
    assertThat(waitingForDraw("chongqing", 2040)).isEmpty();
  }

  @Test
  void theDrawTakesRoundedHalfUpAndTheSameSeedDrawsTheSameSets() {
    assertThat(GoalSampling.sampleSize(10, 20)).isEqualTo(2);
    assertThat(GoalSampling.sampleSize(7, 20)).isEqualTo(1);    // 1.4
    assertThat(GoalSampling.sampleSize(8, 20)).isEqualTo(2);    // 1.6
    assertThat(GoalSampling.sampleSize(5, 10)).isEqualTo(1);    // 0.5 half up
    assertThat(GoalSampling.sampleSize(4, 10)).isZero();        // 0.4
    assertThat(GoalSampling.sampleSize(1000, 20)).isEqualTo(200);
    List<String> population = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "CQ-" + i).toList();
    List<String> first = GoalSampling.select(population, 200, 7L);
    assertThat(first).hasSize(200).doesNotHaveDuplicates();
    assertThat(GoalSampling.select(population, 200, 7L)).isEqualTo(first);
    assertThat(GoalSampling.select(population, 200, 8L)).isNotEqualTo(first);
  }

  @Test
  void aSpotCheckConfirmsOrReopensTheApprovedGoals() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      codes.add(fixture.approved("chongqing", 2041));
    }
    sampling.draw("chongqing", 2041, null, callers.of("chongqing-perf"));
    List<String> checked = codes.stream()
        .filter(c -> instance(c) != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance(c).getId())
            .active().count() == 1)
        .toList();
    assertThat(checked).hasSize(1);    // 20% of 5
    String code = checked.get(0);
    ProcessInstance instance = instance(code);
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_SPOT_CHECK);

    fixture.decide(code, "RETURN");
    assertThat(instance).hasPassed(GoalReviewProcess.TASK_REOPEN_GOALS).isWaitingAt(GoalReviewProcess.TASK_REVISE_GOALS);
    GoalSetView reopened = view(code);
    assertThat(reopened.status()).isEqualTo(GoalSetStatus.REOPENED);
    assertThat(reopened.approvedVersion()).isEqualTo(1);   // in force until replaced
    fixture.submit(code, Goals.REVISED);
    fixture.decide(code, "APPROVE");
    fixture.decide(code, "APPROVE");

    assertThat(ended(instance)).hasPassed(GoalReviewProcess.END_GOALS_APPROVED).isEnded();
    GoalSetView set = view(code);
    assertThat(set.approvedVersion()).isEqualTo(2);
    assertThat(set.versions()).extracting(GoalSetView.VersionView::state)
        .containsExactly(GoalVersionState.SUPERSEDED, GoalVersionState.APPROVED);
  }

  @Test
  void aSpotCheckThatFindsNothingEndsTheReview() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      codes.add(fixture.approved("chongqing", 2042));
    }
    sampling.draw("chongqing", 2042, 99L, callers.of("chongqing-perf"));
    String code = codes.stream().filter(c -> view(c).sampled()).findFirst().orElseThrow();

    fixture.decide(code, "APPROVE");

    assertThat(ended(instance(code))).hasPassed(GoalReviewProcess.END_SPOT_CHECK_PASSED)
        .hasNotPassed(GoalReviewProcess.TASK_REOPEN_GOALS).isEnded();
    List<GoalSetView.OpinionView> opinions = view(code).opinions();
    assertThat(opinions.get(opinions.size() - 1).decisionLabel()).isEqualTo("抽审通过");
    assertThat(view(code).status()).isEqualTo(GoalSetStatus.APPROVED);
  }

  @Test
  void aRandomSeedIsAWholeNumberABrowserHoldsExactly() {
    long safe = (1L << 53) - 1;
    for (int i = 0; i < 1000; i++) {
      assertThat(GoalSampling.randomSeed()).isBetween(-safe, safe);
    }
  }

  @Test
  void onlyTheDistrictsFinancePerformanceSectionDraws() {
    fixture.approved("chongqing", 2043);
    assertThatThrownBy(() -> sampling.draw("chongqing", 2043, 1L, callers.of("chongqing-edu")))
        .isInstanceOf(ApiException.class).hasMessageContaining("绩效科");
    assertThatThrownBy(() -> sampling.draw("chongqing", 2043, 1L, callers.of("qijiang-perf")))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> sampling.draw("qijiang", 2027, 1L, callers.of("qijiang-perf")))
        .isInstanceOf(ApiException.class).hasMessage("綦江区 2027 年度没有待抽审的已批复绩效目标");
  }

  @Test
  void aGoalStepIsRemindedOnceAndWhenOverdueEscalatedOnceToTheFinancePerformanceSection() {
    Instant start = startClock();
    String code = fixture.listedProject("qijiang");
    ProcessInstance instance = instance(code);

    // Qijiang's goal review settings: due after P7D, reminded after P5D
    Task draft = fixture.task(code);
    assertThat(draft.getDueDate().toInstant()).isEqualTo(start.plus(7, ChronoUnit.DAYS));
    assertThat(draft.getFollowUpDate().toInstant()).isEqualTo(start.plus(5, ChronoUnit.DAYS));
    moveClock(start.plus(5, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(1, 0));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));
    assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult().getPriority())
        .isEqualTo(Deadlines.REMINDED_PRIORITY);
    assertThat(taskService.getTaskComments(draft.getId())).singleElement()
        .satisfies(c -> assertThat(c.getFullMessage()).startsWith("【催办】“编制绩效目标（一上）”即将到期"));

    moveClock(start.plus(7, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));

    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS, GoalReviewProcess.TASK_SUPERVISE_OVERDUE);
    Task supervise = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(GoalReviewProcess.TASK_SUPERVISE_OVERDUE).singleResult();
    assertThat(supervise).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(supervise.getId())).anyMatch(l -> FINANCE.equals(l.getGroupId()));
    assertThat(taskService.getVariable(supervise.getId(), Deadlines.VAR_OVERDUE_TASK_NAME)).isEqualTo(draft.getName());
    taskService.complete(supervise.getId(), Map.of(GoalReviewProcess.VAR_SUPERVISION_NOTE, "已电话督促"));
    assertThat(instance).hasPassed(GoalReviewProcess.END_OVERDUE_SUPERVISED)
        .isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS);
    assertThat(view(code).opinions()).extracting(GoalSetView.OpinionView::decision).containsExactly("SUPERVISE");
  }

  @Test
  void theReviewStepsAreRemindedTooWhichTheBoundaryTimersNeverDid() {
    Instant start = startClock();
    String code = fixture.listedProject("qijiang");
    ProcessInstance instance = instance(code);
    fixture.submit(code, Goals.VALID);

    Task review = fixture.task(code);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(review.getFollowUpDate().toInstant()).isEqualTo(start.plus(5, ChronoUnit.DAYS));
    moveClock(start.plus(5, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(1, 0));
    assertThat(taskService.getTaskComments(review.getId())).singleElement()
        .satisfies(c -> assertThat(c.getFullMessage()).startsWith("【催办】“主管部门初审”即将到期"));
  }

  @Test
  void anAdjustmentReviewIsRemindedAndWhenOverdueEscalated() {
    Instant start = startClock();
    String code = fixture.approved("qijiang");
    ProcessInstance adjustment = startAs("qijiang-edu", GoalReviewProcess.ADJUSTMENT_KEY, "qijiang", Map.of(
        GoalReviewProcess.VAR_GOAL_SET_CODE, code, GoalReviewProcess.VAR_GOAL_DRAFT, Goals.REVISED,
        GoalReviewProcess.VAR_ADJUSTMENT_REASON, "培训改为线上线下结合"));
    Task review = taskService.createTaskQuery().processInstanceId(adjustment.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(GoalReviewProcess.TASK_REVIEW_ADJUSTMENT);
    assertThat(review.getDueDate().toInstant()).isEqualTo(start.plus(7, ChronoUnit.DAYS));
    assertThat(review.getFollowUpDate().toInstant()).isEqualTo(start.plus(5, ChronoUnit.DAYS));

    moveClock(start.plus(5, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(adjustment.getId())).isEqualTo(new DeadlineWatch.Result(1, 0));
    moveClock(start.plus(7, ChronoUnit.DAYS).plusSeconds(1));
    assertThat(watch.watchInstance(adjustment.getId())).isEqualTo(new DeadlineWatch.Result(0, 1));
    assertThat(watch.watchInstance(adjustment.getId())).isEqualTo(new DeadlineWatch.Result(0, 0));

    assertThat(adjustment).isWaitingAt(GoalReviewProcess.TASK_REVIEW_ADJUSTMENT, GoalReviewProcess.TASK_SUPERVISE_OVERDUE);
    assertThat(taskService.createTaskQuery().processInstanceId(adjustment.getId())
        .taskDefinitionKey(GoalReviewProcess.TASK_SUPERVISE_OVERDUE).list()).singleElement()
        .satisfies(t -> assertThat(taskService.getIdentityLinksForTask(t.getId()))
            .anyMatch(l -> FINANCE.equals(l.getGroupId())));
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
  void aUnitStartsAnAdjustmentFromTasklistAndCannotSpeakForAnotherDepartment() {
    String code = fixture.approved("qijiang");
    Map<String, Object> form = Map.of(GoalReviewProcess.VAR_GOAL_SET_CODE, code,
        GoalReviewProcess.VAR_GOAL_DRAFT, Goals.REVISED,
        GoalReviewProcess.VAR_ADJUSTMENT_REASON, "培训改为线上线下结合");

    // another department's user, naming the right department's user as applicant: refused, nothing stored
    assertThatThrownBy(() -> startAs("qijiang-health", GoalReviewProcess.ADJUSTMENT_KEY, "qijiang",
        withApplicant(form, "qijiang-edu"))).hasMessageContaining("谁申请资金，谁设定目标");
    assertThat(view(code).versions()).hasSize(1);

    ProcessInstance started = startAs("qijiang-edu", GoalReviewProcess.ADJUSTMENT_KEY, "qijiang", form);

    assertThat(started).hasPassed(GoalReviewProcess.TASK_REGISTER_ADJUSTMENT)
        .isWaitingAt(GoalReviewProcess.TASK_REVIEW_ADJUSTMENT);
    assertThat(started.getBusinessKey()).isEqualTo(code);
    assertThat(started).variables().containsEntry(GoalReviewProcess.VAR_ADJUSTMENT_VERSION, 2)
        .containsEntry(GoalReviewProcess.VAR_APPLICANT, "qijiang-edu")
        .doesNotContainKeys(GoalReviewProcess.VAR_GOAL_DRAFT, GoalReviewProcess.VAR_ADJUSTMENT_REASON);
    GoalSetView set = view(code);
    assertThat(set.status()).isEqualTo(GoalSetStatus.ADJUSTING);
    assertThat(set.versions().get(1).reason()).isEqualTo("培训改为线上线下结合");
    assertThat(set.versions().get(1).submittedBy()).isEqualTo("qijiang-edu");
  }

  @Test
  void anAdjustmentStartedWithBrokenGoalsWithoutReasonOrWithoutAChangeStartsNothing() {
    String code = fixture.approved("qijiang");
    assertThatThrownBy(() -> startAs("qijiang-edu", GoalReviewProcess.ADJUSTMENT_KEY, "qijiang", Map.of(
        GoalReviewProcess.VAR_GOAL_SET_CODE, code, GoalReviewProcess.VAR_GOAL_DRAFT, Goals.REVISED)))
        .hasMessageContaining("请说明调整绩效目标的原因");
    assertThatThrownBy(() -> startAs("qijiang-edu", GoalReviewProcess.ADJUSTMENT_KEY, "qijiang", Map.of(
        GoalReviewProcess.VAR_GOAL_SET_CODE, code, GoalReviewProcess.VAR_ADJUSTMENT_REASON, "调整",
        GoalReviewProcess.VAR_GOAL_DRAFT, Goals.REVISED.replace("\"weight\": 30", "\"weight\": 35"))))
        .hasMessageContaining("各项指标权重之和应为 100");
    assertThatThrownBy(() -> startAs("qijiang-edu", GoalReviewProcess.ADJUSTMENT_KEY, "qijiang", Map.of(
        GoalReviewProcess.VAR_GOAL_SET_CODE, code, GoalReviewProcess.VAR_ADJUSTMENT_REASON, "调整",
        GoalReviewProcess.VAR_GOAL_DRAFT, Goals.VALID_REORDERED)))
        .hasMessageContaining("调整后的绩效目标与批复的第 1 版相同");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY)
        .processInstanceBusinessKey(code).count()).isZero();
    assertThat(view(code).status()).isEqualTo(GoalSetStatus.APPROVED);
    assertThat(view(code).versions()).hasSize(1);
  }

  @Test
  void theFinancePerformanceSectionDrawsFromTasklistAndOnlyIt() {
    for (int i = 0; i < 5; i++) {
      fixture.approved("chongqing", 2045);
    }
    assertThatThrownBy(() -> startAs("chongqing-edu", GoalReviewProcess.DRAW_KEY, "chongqing",
        Map.of(GoalReviewProcess.VAR_BUDGET_YEAR, 2045)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    ProcessInstance draw = startAs("chongqing-perf", GoalReviewProcess.DRAW_KEY, "chongqing",
        Map.of(GoalReviewProcess.VAR_BUDGET_YEAR, 2045, GoalReviewProcess.VAR_SAMPLE_SEED, 11L));

    assertThat(draw).hasPassed(GoalReviewProcess.TASK_DRAW_SAMPLE, GoalReviewProcess.END_SAMPLE_DRAWN).isEnded();
    Map<String, Object> results = new java.util.HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(draw.getId()).list()
        .forEach(v -> results.put(v.getName(), v.getValue()));
    assertThat(results).containsEntry(GoalReviewProcess.VAR_SAMPLE_POPULATION, 5)
        .containsEntry(GoalReviewProcess.VAR_SAMPLE_DRAWN, 1)
        .containsEntry(GoalReviewProcess.VAR_SAMPLE_SEED, 11L);
    assertThat(waitingForDraw("chongqing", 2045)).isEmpty();
  }

  /** Starts the process in the district as the user would in Tasklist: logged in, with the start form's variables. */
  private ProcessInstance startAs(String user, String key, String district, Map<String, Object> variables) {
    Caller caller = callers.of(user);
    engine.getIdentityService().setAuthentication(caller.userId(), List.copyOf(caller.groupIds()),
        List.copyOf(caller.districts()));
    try {
      ProcessInstance started = runtimeService.createProcessInstanceByKey(key).processDefinitionTenantId(district)
          .setVariables(variables).execute();
      return runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult() != null
          ? runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult()
          : ended(started);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static Map<String, Object> withApplicant(Map<String, Object> variables, String applicant) {
    Map<String, Object> with = new java.util.HashMap<>(variables);
    with.put(GoalReviewProcess.VAR_APPLICANT, applicant);
    return with;
  }

  private List<String> waitingForDraw(String district, int budgetYear) {
    return runtimeService.createExecutionQuery().processDefinitionKey(GoalReviewProcess.KEY).tenantIdIn(district)
        .activityId(GoalReviewProcess.EVENT_SAMPLE_DRAWN)
        .processVariableValueEquals(GoalReviewProcess.VAR_BUDGET_YEAR, budgetYear).list().stream()
        .map(e -> (String) runtimeService.getVariable(e.getId(), GoalReviewProcess.VAR_GOAL_SET_CODE)).toList();
  }

  /** The goal set as the finance performance section of its district sees it (codes are G-<district>-…). */
  private GoalSetView view(String code) {
    return queries.find(code, callers.of(code.split("-")[1] + "-perf"));
  }

  private GoalDraft draft(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, GoalDraft.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The review instance of the goal set, running or ended. */
  private ProcessInstance instance(String code) {
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
    if (running != null) {
      return running;
    }
    HistoricProcessInstance done = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
    return done == null ? null : ended(done);
  }

  private ProcessInstance adjustment(String code) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY).singleResult();
  }

  private Task adjustmentTask(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY).singleResult();
  }

  private ProcessInstance ended(ProcessInstance instance) {
    HistoricProcessInstance h = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
    return ended(h);
  }

  private ProcessInstance ended(HistoricProcessInstance h) {
    return new EndedInstance(h);
  }
}
