package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.EndedInstance;
import org.jixiao.PlatformTest;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.lifecycle.ProjectYearProcess;
import org.jixiao.project.FundingEligibility;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStage;
import org.jixiao.stage.DeadlineWatch;
import org.jixiao.system.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Execution monitoring of projects driven there through the lifecycle: rounds opened by the timer and by hand,
 * each light's path, what a red light's decision does to the money and the funding gate, the stop that ends the
 * later rounds, a missed report escalated, key monitoring's finance review.
 */
@PlatformTest
class MonitoringProcessTest {

  static final String UNIT = "-education";

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  @Autowired MonitoringQueries queries;
  @Autowired KeyMonitoring keyMonitoring;
  @Autowired DeadlineWatch watch;
  MonitoredProjects monitored;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    monitored = new MonitoredProjects(engine, projects, callers);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aGreenRoundOpenedByTheTimerClosesAndTheYearEndsTheMonitoring() {
    ProcessInstance instance = monitored.monitored("qijiang", 2027);
    assertThat(instance).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);
    assertThat(timer(instance).getDuedate()).as("data to 07-31, the round opens 08-01 00:00 in the district")
        .isEqualTo(Date.from(Instant.parse("2027-07-31T16:00:00Z")));

    execute(timer(instance));
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
    assertThat(task(instance)).hasCandidateGroup("qijiang" + UNIT);
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("600000")));

    assertThat(instance).hasPassed(MonitoringProcess.TASK_EVALUATE_LIGHT, MonitoringProcess.TASK_CLOSE_ROUND)
        .hasNotPassed(MonitoringProcess.TASK_REVIEW_BY_FINANCE, MonitoringProcess.TASK_SUBMIT_CORRECTION_PLAN,
            MonitoringProcess.TASK_DECIDE_ON_RED_LIGHT)
        .isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);
    assertThat(instance).variables().containsEntry(MonitoringProcess.VAR_LIGHT, "GREEN")
        .containsEntry(MonitoringProcess.VAR_ROUND_AHEAD, false).doesNotContainKey(MonitoringProcess.VAR_MONITORING_REPORT);
    MonitoringView.Round round = view(instance).rounds().get(0);
    assertThat(round.asOfDate()).isEqualTo(LocalDate.of(2027, 7, 31));
    assertThat(round.timeElapsed()).isEqualByComparingTo("0.5808"); // 212 / 365
    assertThat(round.executionRate()).isEqualByComparingTo("0.6000");
    assertThat(round.indicatorCompletion()).isEqualByComparingTo("1.0000");
    assertThat(round.status()).isEqualTo("CLOSED");
    assertThat(round.paidSource()).isEqualTo("UNIT");

    execute(timer(instance)); // the year's end
    assertThat(ended(instance)).hasPassed(MonitoringProcess.END_MONITORING_ENDED).isEnded();
    String code = view(instance).projectCode();
    assertThat(projects.find(code, admin()).stage()).isEqualTo(ProjectStage.MONITORED);
  }

  @Test
  void aYellowLightAsksForACorrectionPlanThatTheNextRoundChecks() {
    ProcessInstance instance = monitored.monitored("jilin", 2027); // 多轮: 03-31, 06-30, 09-30
    execute(timer(instance));
    // data to 03-31: 90 / 365 = 0.2466 elapsed; 50,000 paid = 0.0500, lagging by 0.1966
    assertThatThrownBy(() -> complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT,
        MonitoredProjects.report("50000", 10, 95, 90, null))))
        .hasMessageContaining("请写明偏差原因和纠偏措施");
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("50000")));

    assertThat(instance).variables().containsEntry(MonitoringProcess.VAR_LIGHT, "YELLOW");
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_SUBMIT_CORRECTION_PLAN);
    assertThat(task(instance)).hasCandidateGroup("jilin" + UNIT);
    assertThatThrownBy(() -> complete(instance, Map.of(MonitoringProcess.VAR_CORRECTION_PLAN, "加快支付",
        MonitoringProcess.VAR_CORRECTION_DUE_DATE, "2027-13-01"))).hasMessageContaining("完成时限应为日期");
    complete(instance, Map.of(MonitoringProcess.VAR_CORRECTION_PLAN, "6 月底前完成合同签订并支付首付款",
        MonitoringProcess.VAR_CORRECTION_DUE_DATE, "2027-06-30"));
    assertThat(instance).hasPassed(MonitoringProcess.TASK_CLOSE_ROUND).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);

    execute(timer(instance));
    assertThat(view(instance).rounds().get(1).planToCheck().plan()).isEqualTo("6 月底前完成合同签订并支付首付款");
    assertThatThrownBy(() -> complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT,
        MonitoredProjects.report("600000")))).hasMessageContaining("上一轮纠偏计划");
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.withPlanCheck("600000", true)));

    assertThat(instance).variables().containsEntry(MonitoringProcess.VAR_LIGHT, "GREEN");
    MonitoringView.Plan checked = view(instance).rounds().get(0).correctionPlan();
    assertThat(checked.checkedInRound()).isEqualTo(2);
    assertThat(checked.fulfilled()).isTrue();
  }

  @Test
  void aReclaimLowersTheAvailableBudgetByExactlyTheAmountAndJoinsTheDistrictsPool() {
    ProcessInstance instance = redRound("qijiang");
    BigDecimal poolBefore = queries.reclaimedPool("qijiang", 2027, callers.of("qijiang-budget")).total();
    // paid 200,000 of 1,000,000: 800,000 unspent
    assertThatThrownBy(() -> decide(instance, "RECLAIM", "800000.01")).hasMessageContaining("超过未支出资金");
    assertThatThrownBy(() -> decide(instance, "RECLAIM", "0")).hasMessageContaining("大于 0");
    assertThatThrownBy(() -> decide(instance, "SUSPEND_PAYMENT", "100")).hasMessageContaining("只有收回资金时填写");
    assertThat(view(instance).reclaimedTotal()).isEqualByComparingTo("0");

    decide(instance, "RECLAIM", "800000.00");

    MonitoringView after = view(instance);
    assertThat(after.reclaimedTotal()).isEqualByComparingTo("800000.00");
    assertThat(after.availableBudget()).isEqualByComparingTo("200000.00");
    assertThat(after.rounds().get(0).actions()).singleElement()
        .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("800000.00"));
    assertThat(queries.reclaimedPool("qijiang", 2027, callers.of("qijiang-budget")).total())
        .isEqualByComparingTo(poolBefore.add(new BigDecimal("800000.00")));
    assertThat(instance).hasPassed(MonitoringProcess.TASK_CLOSE_ROUND).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);
    assertThat(eligibility(instance).payable()).as("reclaiming leaves the rest payable").isTrue();
  }

  @Test
  void aSuspensionClosesPaymentOnly() {
    ProcessInstance instance = redRound("qijiang");
    assertThat(eligibility(instance).payable()).isTrue();

    decide(instance, "SUSPEND_PAYMENT", null);

    FundingEligibility gate = eligibility(instance);
    assertThat(gate.payable()).isFalse();
    assertThat(gate.budgetable()).isTrue();
    assertThat(gate.procurable()).isTrue();
    assertThat(gate.reasons()).extracting(FundingEligibility.Reason::code).containsExactly("PAYMENT_SUSPENDED");
    assertThat(view(instance).paymentState()).isEqualTo("SUSPENDED");
    assertThat(instance).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);

    String code = view(instance).projectCode();
    assertThatThrownBy(() -> keyMonitoring.resumePayment(code, 2027, callers.of("qijiang-perf")))
        .isInstanceOf(ApiException.class).hasMessageContaining("预算科");
    assertThat(eligibility(instance).payable()).isFalse();
    keyMonitoring.resumePayment(code, 2027, callers.of("qijiang-budget"));
    assertThat(eligibility(instance).payable()).isTrue();
  }

  @Test
  void anOrderedCorrectionGoesToTheUnitsCorrectionPlan() {
    ProcessInstance instance = redRound("qijiang");
    decide(instance, "ORDER_CORRECTION", null);
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_SUBMIT_CORRECTION_PLAN);
    assertThat(task(instance)).hasCandidateGroup("qijiang" + UNIT);
  }

  @Test
  void aStopClosesPaymentAndProcurementAndEndsTheLaterRounds() {
    ProcessInstance instance = monitored.monitored("jilin", 2027);
    execute(timer(instance));
    // no indicator progress at all: completion 0 < half of the time elapsed → red
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("0", 0, 0, 0, "停工")));
    assertThat(instance).variables().containsEntry(MonitoringProcess.VAR_LIGHT, "RED");
    assertThat(task(instance)).hasCandidateGroup("financeBudget");

    decide(instance, "STOP", null);

    assertThat(ended(instance)).hasPassed(MonitoringProcess.TASK_END_MONITORING, MonitoringProcess.END_PROJECT_STOPPED)
        .hasNotPassed(MonitoringProcess.TASK_CLOSE_ROUND).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("no later round waits").isZero();
    MonitoringView view = view(instance);
    assertThat(view.rounds()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("ENDED"));
    FundingEligibility gate = eligibility(instance);
    assertThat(gate.payable()).isFalse();
    assertThat(gate.procurable()).isFalse();
    assertThat(gate.budgetable()).isTrue();
    assertThat(projects.find(view.projectCode(), admin()).stage()).isEqualTo(ProjectStage.STOPPED);
    ProcessInstance lifecycle = new EndedInstance(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProjectYearProcess.KEY).processInstanceBusinessKey(view.projectCode()).singleResult());
    assertThat(lifecycle).hasPassed(ProjectYearProcess.TASK_RECORD_PROJECT_STOPPED, ProjectYearProcess.END_PROJECT_STOPPED)
        .isEnded();
    assertThatThrownBy(() -> keyMonitoring.mark(view.projectCode(), 2027, KeyReason.AUDIT_FINDING, null,
        callers.of("jilin-perf"))).isInstanceOf(ApiException.class).hasMessageContaining("已止损");
  }

  @Test
  void aMissedReportIsRemindedThenEscalatedToTheFinancePerformanceSection() {
    ProcessInstance instance = monitored.monitored("qijiang", 2027);
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    execute(timer(instance));
    Task report = task(instance);
    assertThat(report.getDueDate().toInstant()).isEqualTo(start.plus(15, ChronoUnit.DAYS));

    ClockUtil.setCurrentTime(Date.from(start.plus(10, ChronoUnit.DAYS).plusSeconds(1)));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(1, 0));
    ClockUtil.setCurrentTime(Date.from(start.plus(15, ChronoUnit.DAYS).plusSeconds(1)));
    assertThat(watch.watchInstance(instance.getId())).isEqualTo(new DeadlineWatch.Result(0, 1));

    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING, MonitoringProcess.TASK_SUPERVISE_OVERDUE);
    Task supervision = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(MonitoringProcess.TASK_SUPERVISE_OVERDUE).singleResult();
    assertThat(supervision).hasCandidateGroup("financePerformance");
    taskService.complete(supervision.getId(), Map.of(MonitoringProcess.VAR_SUPERVISION_NOTE, "已电话督促报送"));
    assertThat(view(instance).opinions()).anySatisfy(o -> {
      assertThat(o.decision()).isEqualTo("SUPERVISE");
      assertThat(o.comment()).isEqualTo("已电话督促报送");
      assertThat(o.round()).isEqualTo(1);
    });
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
  }

  @Test
  void keyMonitoringAddsTheFinanceReviewAndAnExtraRoundOpensByHand() {
    int year = LocalDate.now(MonitoringRounds.ZONE).getYear();
    ProcessInstance instance = monitored.monitored("qijiang", year);
    String code = view(instance).projectCode();
    assertThat(instance).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);
    Caller perf = callers.of("qijiang-perf");
    LocalDate asOf = LocalDate.now(MonitoringRounds.ZONE);

    assertThatThrownBy(() -> keyMonitoring.mark(code, year, KeyReason.LIVELIHOOD, null, callers.of("qijiang-budget")))
        .isInstanceOf(ApiException.class).hasMessageContaining("绩效科");
    keyMonitoring.mark(code, year, KeyReason.LIVELIHOOD, "社会关注度高", perf);
    keyMonitoring.openExtraRound("qijiang", year, List.of(code), asOf, perf);

    assertThat(instance).hasPassed(MonitoringProcess.EVENT_EXTRA_ROUND).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
    assertThatThrownBy(() -> keyMonitoring.openExtraRound("qijiang", year, List.of(code), asOf, perf))
        .isInstanceOf(ApiException.class).hasMessageContaining("本轮监控尚未完成");
    MonitoringView.Round round = view(instance).rounds().get(0);
    assertThat(round.extra()).isTrue();
    assertThat(round.keyMonitoring()).isTrue();
    assertThat(round.asOfDate()).isEqualTo(asOf);

    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("990000")));
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_REVIEW_BY_FINANCE);
    assertThat(task(instance)).hasCandidateGroup("financePerformance");
    assertThatThrownBy(() -> complete(instance, Map.of(MonitoringProcess.VAR_REVIEW_DECISION, "RETURN")))
        .hasMessageContaining("请写明意见");
    complete(instance, Map.of(MonitoringProcess.VAR_REVIEW_DECISION, "RETURN", MonitoringProcess.VAR_REVIEW_COMMENT,
        "请补充指标佐证"));
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("990000")));
    complete(instance, Map.of(MonitoringProcess.VAR_REVIEW_DECISION, "APPROVE"));

    assertThat(instance).hasPassed(MonitoringProcess.TASK_CLOSE_ROUND).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);
    assertThat(view(instance).rounds().get(0).status()).isEqualTo("CLOSED");
  }

  @Test
  void markingKeyMonitoringWhileWaitingSchedulesTheKeyRoundAndLiftingItTakesItAway() {
    ProcessInstance instance = monitored.monitored("qijiang", 2027);
    execute(timer(instance));
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("600000")));
    assertThat(instance).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND)
        .variables().containsEntry(MonitoringProcess.VAR_ROUND_AHEAD, false);
    assertThat(timer(instance).getDuedate()).as("no round ahead: the year's end")
        .isEqualTo(Date.from(Instant.parse("2027-12-31T16:00:00Z")));
    String code = view(instance).projectCode();
    Caller perf = callers.of("qijiang-perf");

    // marked key after its only regular round: the district's key round (data to 10-31) is ahead
    keyMonitoring.mark(code, 2027, KeyReason.MAJOR_POLICY, "列入重点监控", perf);
    assertThat(instance).hasPassed(MonitoringProcess.EVENT_SCHEDULE_CHANGED).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND)
        .variables().containsEntry(MonitoringProcess.VAR_ROUND_AHEAD, true);
    assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-10-31T16:00:00Z")));

    // lifted again before that round: back to the year's end, and the timer of the year's end ends the monitoring
    keyMonitoring.unmark(code, 2027, perf);
    assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-12-31T16:00:00Z")));
    execute(timer(instance));
    assertThat(ended(instance)).hasPassed(MonitoringProcess.END_MONITORING_ENDED).isEnded();
    assertThat(view(instance).rounds()).hasSize(1);
  }

  // ---- helpers ----

  /** A qijiang-style project in its first round (data to 07-31 2027), reported red: 200,000 paid, lagging 0.3808. */
  private ProcessInstance redRound(String district) {
    ProcessInstance instance = monitored.monitored(district, 2027);
    execute(timer(instance));
    complete(instance, Map.of(MonitoringProcess.VAR_MONITORING_REPORT, MonitoredProjects.report("200000")));
    assertThat(instance).variables().containsEntry(MonitoringProcess.VAR_LIGHT, "RED");
    assertThat(instance).isWaitingAt(MonitoringProcess.TASK_DECIDE_ON_RED_LIGHT);
    assertThat(task(instance)).hasCandidateGroup("financeBudget");
    return instance;
  }

  private void decide(ProcessInstance instance, String decision, String amount) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(MonitoringProcess.VAR_RED_LIGHT_DECISION, decision);
    variables.put(MonitoringProcess.VAR_DECISION_COMMENT, "红灯处置：" + decision);
    if (amount != null) {
      variables.put(MonitoringProcess.VAR_RECLAIM_AMOUNT, amount);
    }
    complete(instance, variables);
  }

  private FundingEligibility eligibility(ProcessInstance instance) {
    return projects.fundingEligibility(view(instance).projectCode(), admin());
  }

  private Job timer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKeyNotIn(MonitoringProcess.TASK_SUPERVISE_OVERDUE).singleResult();
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    taskService.complete(task(instance).getId(), variables);
  }

  private MonitoringView view(ProcessInstance instance) {
    String key = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
    int dash = key.lastIndexOf('-');
    return queries.find(key.substring(0, dash), Integer.valueOf(key.substring(dash + 1)), admin());
  }

  private ProcessInstance ended(ProcessInstance instance) {
    return new EndedInstance(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult());
  }

  private Caller admin() {
    return callers.of("demo");
  }
}
