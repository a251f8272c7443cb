package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.jixiao.district.District;
import org.jixiao.goal.ApprovedGoals;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.Stage;
import org.jixiao.stage.Subject;
import org.jixiao.stage.SubjectType;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a monitoring round (监控轮次): the district's schedule, opening a round's report with the approved
 * indicators, the unit's report, the light (红黄灯), the finance review of key-monitored projects, the correction
 * plan, the finance bureau's decision on a red light and closing the round. Engine and domain tables share one
 * transaction: a refused submission stores nothing and leaves the task open.
 */
@Service
public class MonitoringRounds {

  /** The districts' time zone: a round opens at 00:00 the day after its as-of date. */
  static final ZoneId ZONE = District.TIME_ZONE;
  static final String ENDED = "ENDED";
  static final String STOPPED = "STOPPED";

  private final MonitoringProjectRepository projects;
  private final MonitoringReportRepository reports;
  private final MonitoringActionRepository actions;
  private final CorrectionPlanRepository plans;
  private final PaidToDateCorrectionRepository corrections;
  private final ApprovedGoals goals;
  private final DecisionService decisionService;
  private final Opinions opinions;

  MonitoringRounds(MonitoringProjectRepository projects, MonitoringReportRepository reports,
      MonitoringActionRepository actions, CorrectionPlanRepository plans, PaidToDateCorrectionRepository corrections,
      ApprovedGoals goals, DecisionService decisionService, Opinions opinions) {
    this.projects = projects;
    this.corrections = corrections;
    this.reports = reports;
    this.actions = actions;
    this.plans = plans;
    this.goals = goals;
    this.decisionService = decisionService;
    this.opinions = opinions;
  }

  /** The district's settings for the project as it stands now (key monitoring adds rounds). */
  Settings settings(MonitoringProject project) {
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(MonitoringProcess.DECISION_SETTINGS)
        .decisionDefinitionTenantId(project.getDistrict())
        .variables(Map.of("keyMonitoring", project.isKeyMonitoring()))
        .evaluate()
        .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("Decision_MonitoringSettings of " + project.getDistrict() + " has no rule");
    }
    String dates = required(result, "roundDates", project);
    TreeSet<LocalDate> asOf = new TreeSet<>();
    for (String monthDay : dates.split(",")) {
      try {
        asOf.add(LocalDate.parse(project.getBudgetYear() + "-" + monthDay.strip()));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("Decision_MonitoringSettings of " + project.getDistrict()
            + ": roundDates must be MM-dd, comma separated: " + dates, e);
      }
    }
    return new Settings(asOf, required(result, "taskDueDuration", project), required(result, "reminderDuration", project));
  }

  private static String required(DmnDecisionResultEntries result, String name, MonitoringProject project) {
    Object value = result.getEntry(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalStateException("Decision_MonitoringSettings of " + project.getDistrict() + " gives no " + name);
    }
    return text.strip();
  }

  /** A district's schedule: the as-of dates of the year's rounds, and the durations of each step. */
  record Settings(TreeSet<LocalDate> roundDates, String taskDueDuration, String reminderDuration) {}

  /**
   * 排定下一轮监控: the next scheduled round not yet held (rounds whose as-of date lies before monitoring began are
   * not held), when it opens, or the year's end when none is ahead; and the durations of the steps.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> scheduleNextRound(String projectCode, int budgetYear) {
    MonitoringProject project = projects.require(projectCode, budgetYear);
    Settings settings = settings(project);
    Optional<LocalDate> next = nextScheduled(project, settings);
    Map<String, Object> variables = new HashMap<>();
    variables.put(MonitoringProcess.VAR_ROUND_AHEAD, next.isPresent());
    LocalDate opensOn = next.map(d -> d.plusDays(1)).orElse(LocalDate.of(budgetYear + 1, 1, 1));
    variables.put(MonitoringProcess.VAR_NEXT_ROUND_AT, Date.from(opensOn.atStartOfDay(ZONE).toInstant()));
    variables.put(MonitoringProcess.VAR_TASK_DUE_DURATION, settings.taskDueDuration());
    variables.put(MonitoringProcess.VAR_REMINDER_DURATION, settings.reminderDuration());
    variables.put(MonitoringProcess.VAR_MONITORING_OUTCOME, ENDED);
    return variables;
  }

  private Optional<LocalDate> nextScheduled(MonitoringProject project, Settings settings) {
    Set<LocalDate> held = new TreeSet<>();
    for (MonitoringReport r : reports.findByProjectCodeAndBudgetYearOrderByRoundNoAsc(project.getProjectCode(),
        project.getBudgetYear())) {
      if (!r.isExtra()) {
        held.add(r.getAsOfDate());
      }
    }
    LocalDate began = project.getCreatedAt().atZoneSameInstant(ZONE).toLocalDate();
    return settings.roundDates().stream().filter(d -> !held.contains(d) && !d.isBefore(began)).findFirst();
  }

  /**
   * 开启本轮监控: the report of the round (an extra round the finance bureau requested, else the next scheduled
   * one) with the approved indicators; whether the finance bureau reviews it (重点监控 at opening).
   */
  @Transactional
  public Map<String, Object> openRound(String projectCode, int budgetYear, String processInstanceId) {
    MonitoringProject project = projects.require(projectCode, budgetYear);
    OffsetDateTime now = OffsetDateTime.now();
    Settings settings = settings(project);
    Optional<LocalDate> extra = project.takeExtraRound(now);
    LocalDate asOf = extra.orElseGet(() -> nextScheduled(project, settings)
        .orElseThrow(() -> new IllegalStateException("no round ahead for " + project.code())));
    ApprovedGoals.Approved approved = goals.forProject(project.getProjectId(), budgetYear)
        .orElseThrow(() -> new IllegalStateException("no approved goals for " + project.code()));
    List<MonitoringReport> earlier = reports.findByProjectCodeAndBudgetYearOrderByRoundNoAsc(projectCode, budgetYear);
    MonitoringReport report = new MonitoringReport(project, earlier.size() + 1, asOf,
        LocalDate.now(ZONE).plus(days(settings.taskDueDuration())), extra.isPresent(), approved.versionNumber(),
        processInstanceId, now);
    for (ApprovedGoals.ApprovedIndicator i : approved.indicators()) {
      report.addIndicator(new MonitoringIndicator(report, i.position(), i.level1(), i.level2(), i.name(),
          i.comparator(), i.targetValue(), i.targetText(), i.unit(), i.weight()));
    }
    reports.save(report);
    Map<String, Object> variables = new HashMap<>();
    variables.put(MonitoringProcess.VAR_REPORT_ID, report.getId());
    variables.put(MonitoringProcess.VAR_ROUND_NO, report.getRoundNo());
    variables.put(MonitoringProcess.VAR_FINANCE_REVIEW_REQUIRED, report.isKeyMonitoring());
    return variables;
  }

  private static Period days(String isoDuration) {
    try {
      return isoDuration.contains("T") ? Period.ZERO : Period.parse(isoDuration);
    } catch (DateTimeParseException e) {
      return Period.ZERO;
    }
  }

  /** 填报运行监控情况: checked, stored with the rates it implies; the opinion record says who reported. */
  @Transactional
  public void submit(long reportId, ReportSubmission submission, MonitoringOpinion opinion) {
    if (submission == null) {
      throw new InvalidInputException("请填写本轮监控情况（已支付金额、各项指标完成值、偏差原因和纠偏措施）");
    }
    MonitoringReport report = reports.require(reportId);
    OffsetDateTime now = OffsetDateTime.now();
    BigDecimal paid = paid(report, submission, opinion.actor(), now);
    BigDecimal executionRate = rate(paid, report.getBudgetAmount());
    Map<Integer, ReportSubmission.IndicatorValue> given = new HashMap<>();
    for (ReportSubmission.IndicatorValue v : submission.indicators() == null ? List.<ReportSubmission.IndicatorValue>of()
        : submission.indicators()) {
      if (v == null || v.position() == null) {
        throw new InvalidInputException("指标完成情况缺少指标序号");
      }
      if (given.put(v.position(), v) != null) {
        throw new InvalidInputException("指标完成情况重复：第 " + (v.position() + 1) + " 项");
      }
    }
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    List<Runnable> writes = new ArrayList<>();
    for (MonitoringIndicator indicator : report.getIndicators()) {
      ReportSubmission.IndicatorValue v = given.remove(indicator.getPosition());
      String label = "指标“" + indicator.getName() + "”";
      if (v == null) {
        throw new InvalidInputException("请填写" + label + "的完成情况");
      }
      String reason = text(v.deviationReason(), label + "的偏差原因");
      BigDecimal completion = null;
      if ("QUALITATIVE".equals(indicator.getComparator())) {
        if (text(v.valueText(), label + "的完成情况") == null) {
          throw new InvalidInputException("请用文字填写" + label + "（定性指标）的完成情况");
        }
      } else {
        if (v.valueToDate() == null) {
          throw new InvalidInputException("请填写" + label + "截至数据日期的完成值");
        }
        if (v.valueToDate().signum() < 0) {
          throw new InvalidInputException(label + "的完成值不能为负数");
        }
        completion = completion(indicator, v.valueToDate());
        if (completion.compareTo(report.getTimeElapsed()) < 0 && reason == null) {
          throw new InvalidInputException(label + "的完成进度（" + percent(completion) + "）低于序时进度（"
              + percent(report.getTimeElapsed()) + "），请写明偏差原因");
        }
        BigDecimal weight = indicator.getWeight() == null ? BigDecimal.ONE : indicator.getWeight();
        weighted = weighted.add(completion.multiply(weight));
        weights = weights.add(weight);
      }
      BigDecimal c = completion;
      writes.add(() -> indicator.report(v.valueToDate(), text(v.valueText(), label), c, reason));
    }
    if (!given.isEmpty()) {
      throw new InvalidInputException("批复的绩效目标中没有第 " + (given.keySet().iterator().next() + 1) + " 项指标");
    }
    String deviationReasons = text(submission.deviationReasons(), "偏差原因", 2000);
    String correctiveMeasures = text(submission.correctiveMeasures(), "纠偏措施", 2000);
    if (executionRate.compareTo(report.getTimeElapsed()) < 0 && (deviationReasons == null || correctiveMeasures == null)) {
      throw new InvalidInputException("预算执行率（" + percent(executionRate) + "）低于序时进度（"
          + percent(report.getTimeElapsed()) + "），请写明偏差原因和纠偏措施");
    }
    checkPlan(report, submission, opinion, now);
    BigDecimal indicatorCompletion = weights.signum() == 0 ? null
        : weighted.divide(weights, MonitoringReport.RATIO_SCALE, RoundingMode.DOWN);
    writes.forEach(Runnable::run);
    report.submit(executionRate, indicatorCompletion, deviationReasons, correctiveMeasures, opinion.actor(), now);
    record(report, opinion);
  }

  /**
   * The figure the report is judged on: the stored one (imported or corrected), or the unit's own. A figure that
   * replaces a stored one needs a reason; every figure the unit gives becomes a row of the report's correction
   * history, as a correction through the API does.
   */
  private BigDecimal paid(MonitoringReport report, ReportSubmission submission, String actor, OffsetDateTime now) {
    BigDecimal given = submission.paidToDate();
    if (given == null) {
      if (report.getPaidToDate() == null) {
        throw new InvalidInputException("尚未导入本轮的已支付金额，请填写截至 " + report.getAsOfDate() + " 的已支付金额（元）");
      }
      return report.getPaidToDate();
    }
    // the same checks as the import and the unit's correction
    String bad = PaidToDateRules.amountProblem(given);
    if (bad == null) {
      bad = PaidToDateRules.budgetProblem(given, report.getBudgetAmount());
    }
    if (bad != null) {
      throw new InvalidInputException(bad);
    }
    if (report.getPaidToDate() != null && given.compareTo(report.getPaidToDate()) == 0) {
      return report.getPaidToDate();
    }
    String reason = text(submission.paidCorrectionReason(), "更正理由");
    if (report.getPaidToDate() != null && reason == null) {
      throw new InvalidInputException("已支付金额与" + (report.getPaidSource() == PaidSource.IMPORT ? "预算执行系统导入的数据"
          : "此前填报的数据") + "（" + report.getPaidToDate().toPlainString() + " 元）不同，请写明更正理由");
    }
    BigDecimal exact = given.setScale(2, RoundingMode.UNNECESSARY);
    corrections.save(new PaidToDateCorrection(report, exact, report.getAsOfDate(),
        reason == null ? FIRST_FIGURE_REASON : reason, actor, now));
    report.correctPaid(exact, report.getAsOfDate(), reason, now);
    return report.getPaidToDate();
  }

  /** The history's reason for a unit's first figure of a round that had no imported one. */
  static final String FIRST_FIGURE_REASON = "本轮无预算执行系统导入数据，由单位在监控报告中填报";

  /** The previous round's open correction plan must be answered: fulfilled or not, and if not, why. */
  private void checkPlan(MonitoringReport report, ReportSubmission submission, MonitoringOpinion opinion,
      OffsetDateTime now) {
    Optional<CorrectionPlan> open = openPlan(report);
    if (open.isEmpty()) {
      return;
    }
    if (submission.planFulfilled() == null) {
      throw new InvalidInputException("请说明上一轮纠偏计划（完成时限 " + open.get().getDueDate() + "）是否已完成");
    }
    String comment = text(submission.planCheckComment(), "纠偏计划完成情况");
    if (!submission.planFulfilled() && comment == null) {
      throw new InvalidInputException("纠偏计划未完成的，请写明原因");
    }
    open.get().check(report.getRoundNo(), submission.planFulfilled(), comment, opinion.actor(), now);
  }

  /** The latest earlier round's correction plan not yet checked. */
  Optional<CorrectionPlan> openPlan(MonitoringReport report) {
    return plans.findByProjectCodeAndBudgetYearOrderBySubmittedAtAsc(report.getProjectCode(), report.getBudgetYear())
        .stream().filter(p -> !p.isChecked() && !p.getReportId().equals(report.getId()))
        .reduce((a, b) -> b);
  }

  /** How far an indicator is toward its target (0..1, 4 places, truncated). */
  static BigDecimal completion(MonitoringIndicator indicator, BigDecimal value) {
    BigDecimal target = indicator.getTargetValue();
    if (target == null || target.signum() == 0) {
      return BigDecimal.ONE.setScale(MonitoringReport.RATIO_SCALE);
    }
    BigDecimal ratio;
    if ("LE".equals(indicator.getComparator())) {
      // a ceiling (成本 ≤): kept while the value stays within it
      ratio = value.compareTo(target) <= 0 ? BigDecimal.ONE : target.divide(value, 8, RoundingMode.DOWN);
    } else {
      ratio = value.divide(target, 8, RoundingMode.DOWN);
    }
    return ratio.min(BigDecimal.ONE).setScale(MonitoringReport.RATIO_SCALE, RoundingMode.DOWN);
  }

  /** 执行率: paid ÷ available budget, 4 places, truncated (never rounded up into a better light). */
  static BigDecimal rate(BigDecimal paid, BigDecimal budget) {
    if (budget.signum() == 0) {
      return BigDecimal.ONE.setScale(MonitoringReport.RATIO_SCALE);
    }
    return paid.divide(budget, MonitoringReport.RATIO_SCALE, RoundingMode.DOWN);
  }

  /** 研判红黄灯: the district's lights table on the report's rates; the light is stored and returned. */
  @Transactional
  public Map<String, Object> evaluateLight(long reportId) {
    MonitoringReport report = reports.require(reportId);
    Light light = light(report.getDistrict(), report.getExecutionRate(), report.getTimeElapsed(),
        report.getIndicatorCompletion());
    report.lightUp(light, OffsetDateTime.now());
    return Map.of(MonitoringProcess.VAR_LIGHT, light.name());
  }

  /** The light of the district's table (Decision_MonitoringLights) for the three inputs. */
  public Light light(String district, BigDecimal executionRate, BigDecimal timeElapsed, BigDecimal indicatorCompletion) {
    Object value = decisionService.evaluateDecisionByKey(MonitoringProcess.DECISION_LIGHTS)
        .decisionDefinitionTenantId(district)
        .variables(Variables.createVariables().putValue("executionRate", executionRate)
            .putValue("timeElapsed", timeElapsed).putValue("indicatorCompletion", indicatorCompletion))
        .evaluate()
        .getSingleResult()
        .getEntry("light");
    return Light.valueOf((String) value);
  }

  /** 财政审核监控报告: an approval leaves the report for its light's path; a return sends it back to the unit. */
  @Transactional
  public void review(long reportId, MonitoringOpinion opinion) {
    MonitoringReport report = reports.require(reportId);
    report.moveTo(opinion.decision() == ReviewDecision.RETURN ? ReportStatus.OPEN : ReportStatus.REVIEWED,
        OffsetDateTime.now());
    record(report, opinion);
  }

  /** 报送纠偏计划: the plan and its due date (within the budget year, not before today). */
  @Transactional
  public void submitPlan(long reportId, String plan, String dueDate, MonitoringOpinion opinion) {
    MonitoringReport report = reports.require(reportId);
    if (plan == null) {
      throw new InvalidInputException("请填写纠偏计划：针对偏差原因拟采取的措施");
    }
    if (dueDate == null) {
      throw new InvalidInputException("请填写纠偏计划的完成时限");
    }
    LocalDate due;
    try {
      due = LocalDate.parse(dueDate);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("纠偏计划的完成时限应为日期，如 " + report.getBudgetYear() + "-09-30");
    }
    if (due.isBefore(LocalDate.now(ZONE)) || due.getYear() != report.getBudgetYear()) {
      throw new InvalidInputException("纠偏计划的完成时限应在今天之后、" + report.getBudgetYear() + " 年底之前");
    }
    if (plans.findByReportId(reportId).isPresent()) {
      throw new InvalidInputException("本轮已报送纠偏计划");
    }
    plans.save(new CorrectionPlan(report, plan, due, opinion.actor(), OffsetDateTime.now()));
    record(report, opinion);
  }

  /**
   * 红灯处置: the finance bureau's decision, checked (a reclaim names an amount above 0 and at most the unspent
   * money, 元 to the fen; other decisions name none) and carried out on the project; the action the gateway routes by.
   */
  @Transactional
  public Map<String, Object> decide(long reportId, ActionKind kind, BigDecimal amount, MonitoringOpinion opinion) {
    MonitoringReport report = reports.require(reportId);
    if (report.getLight() != Light.RED) {
      throw new IllegalStateException("report " + reportId + " has no red light");
    }
    MonitoringProject project = projects.require(report.getProjectCode(), report.getBudgetYear());
    if (kind == null) {
      throw new InvalidInputException("请选择处置方式：收回资金、责令纠偏、暂缓拨付或止损");
    }
    if (opinion.comment() == null) {
      throw new InvalidInputException("请写明处置意见");
    }
    OffsetDateTime now = OffsetDateTime.now();
    if (kind == ActionKind.RECLAIM) {
      BigDecimal unspent = unspent(project, report);
      if (amount == null || amount.signum() <= 0) {
        throw new InvalidInputException("收回资金时请填写收回金额（元，大于 0）");
      }
      if (amount.stripTrailingZeros().scale() > 2) {
        throw new InvalidInputException("收回金额以元为单位，最多保留两位小数");
      }
      if (amount.compareTo(unspent) > 0) {
        throw new InvalidInputException("收回金额（" + amount.toPlainString() + " 元）超过未支出资金（"
            + unspent.toPlainString() + " 元 = 可用预算 − 已支付）");
      }
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
      project.reclaim(amount, now);
    } else if (amount != null) {
      throw new InvalidInputException("只有收回资金时填写收回金额");
    }
    switch (kind) {
      case SUSPEND_PAYMENT -> project.suspendPayment(now);
      case STOP -> project.stop(now);
      case RECLAIM, ORDER_CORRECTION -> { }
    }
    actions.save(new MonitoringAction(report, kind, amount, opinion.comment(), opinion.actor(), now));
    report.moveTo(ReportStatus.DECIDED, now);
    record(report, new MonitoringOpinion(opinion.step(), opinion.stepName(), opinion.actor(), opinion.actorRole(),
        ReviewDecision.DECIDE_RED_LIGHT, opinion.comment(),
        kind.label() + (amount == null ? "" : "：" + amount.toPlainString() + " 元")));
    return Map.of(MonitoringProcess.VAR_RED_LIGHT_ACTION, kind.name());
  }

  /** 未支出资金: the available budget less what the report says was paid. */
  static BigDecimal unspent(MonitoringProject project, MonitoringReport report) {
    BigDecimal paid = report.getPaidToDate() == null ? BigDecimal.ZERO : report.getPaidToDate();
    return project.getAvailableBudget().subtract(paid).max(BigDecimal.ZERO);
  }

  /** 完成本轮监控 */
  @Transactional
  public void closeRound(long reportId) {
    reports.require(reportId).moveTo(ReportStatus.CLOSED, OffsetDateTime.now());
  }

  /** 止损，结束后续监控: the round ends with the project; no later round opens. */
  @Transactional
  public Map<String, Object> endOnStop(long reportId) {
    MonitoringReport report = reports.require(reportId);
    report.moveTo(ReportStatus.ENDED, OffsetDateTime.now());
    return Map.of(MonitoringProcess.VAR_MONITORING_OUTCOME, STOPPED);
  }

  /** An opinion on the project's monitoring that changes nothing else (督办). */
  @Transactional
  public void note(String projectCode, int budgetYear, Integer roundNo, MonitoringOpinion opinion) {
    MonitoringProject project = projects.require(projectCode, budgetYear);
    opinions.record(new Opinions.Given(Stage.MONITORING, new Subject(SubjectType.MONITORING, project.getId(),
        project.code()), roundNo, opinion.step(), opinion.stepName(), opinion.actor(), opinion.actorRole(),
        opinion.decision(), opinion.comment(), null, opinion.conclusion()));
  }

  private void record(MonitoringReport report, MonitoringOpinion opinion) {
    MonitoringProject project = projects.require(report.getProjectCode(), report.getBudgetYear());
    opinions.record(new Opinions.Given(Stage.MONITORING, new Subject(SubjectType.MONITORING, project.getId(),
        project.code()), report.getRoundNo(), opinion.step(), opinion.stepName(), opinion.actor(),
        opinion.actorRole(), opinion.decision(), opinion.comment(), null, opinion.conclusion()));
  }

  /** Text a form gave, stripped (blank is none), at most 1,000 characters. */
  private static String text(String value, String what) {
    return text(value, what, 1000);
  }

  static String text(String value, String what, int max) {
    String text = value == null || value.isBlank() ? null : value.strip();
    if (text != null && text.length() > max) {
      throw new InvalidInputException(what + "不能超过 " + max + " 个字");
    }
    return text;
  }

  static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(2, RoundingMode.DOWN).toPlainString() + "%";
  }
}
