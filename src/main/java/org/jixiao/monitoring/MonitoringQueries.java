package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jixiao.goal.ApprovedGoals;
import org.jixiao.identity.Caller;
import org.jixiao.identity.Role;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.SubjectType;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading monitoring records: a project's monitoring for the forms (goals, earlier rounds and their lights), and a
 * district's reclaimed pool (调慢补快). A budget unit reads its own department's projects only; another district's
 * project is answered as one that does not exist.
 */
@Service
public class MonitoringQueries {

  private final MonitoringProjectRepository projects;
  private final MonitoringReportRepository reports;
  private final MonitoringActionRepository actions;
  private final CorrectionPlanRepository plans;
  private final ApprovedGoals goals;
  private final Opinions opinions;
  private final MonitoringRounds rounds;

  MonitoringQueries(MonitoringProjectRepository projects, MonitoringReportRepository reports,
      MonitoringActionRepository actions, CorrectionPlanRepository plans, ApprovedGoals goals, Opinions opinions,
      MonitoringRounds rounds) {
    this.projects = projects;
    this.reports = reports;
    this.actions = actions;
    this.plans = plans;
    this.goals = goals;
    this.opinions = opinions;
    this.rounds = rounds;
  }

  /** The project's monitoring of a year (the latest year if none is named). */
  @Transactional(readOnly = true)
  public MonitoringView find(String projectCode, Integer budgetYear, Caller caller) {
    List<MonitoringProject> years = projects.findByProjectCodeOrderByBudgetYearAsc(projectCode);
    MonitoringProject project = years.stream()
        .filter(p -> budgetYear == null || p.getBudgetYear() == budgetYear)
        .reduce((a, b) -> b)
        // another department's or district's project reads as one without monitoring (the answer tells no codes)
        .filter(p -> caller.mayRead(p.getDistrict(), p.getDepartment()))
        .orElseThrow(() -> ApiException.notFound("该项目没有运行监控记录：" + projectCode));
    return view(project);
  }

  /** The project's monitoring of every year the caller may read, by year; empty where there is none. */
  @Transactional(readOnly = true)
  public List<MonitoringView> years(String projectCode, Caller caller) {
    return projects.findByProjectCodeOrderByBudgetYearAsc(projectCode).stream()
        .filter(p -> caller.mayRead(p.getDistrict(), p.getDepartment()))
        .map(this::view).toList();
  }

  /** The view of a project the caller already holds (the answer of a change): read in a transaction of its own. */
  @Transactional(readOnly = true)
  MonitoringView view(MonitoringProject project) {
    List<MonitoringReport> held = reports.findByProjectCodeAndBudgetYearOrderByRoundNoAsc(project.getProjectCode(),
        project.getBudgetYear());
    Map<Long, List<MonitoringAction>> byReport = actions.findByProjectCodeAndBudgetYearOrderByDecidedAtAsc(
        project.getProjectCode(), project.getBudgetYear()).stream()
        .collect(Collectors.groupingBy(MonitoringAction::getReportId));
    Map<Long, CorrectionPlan> planOf = plans.findByProjectCodeAndBudgetYearOrderBySubmittedAtAsc(
        project.getProjectCode(), project.getBudgetYear()).stream()
        .collect(Collectors.toMap(CorrectionPlan::getReportId, p -> p));
    List<MonitoringView.Round> views = held.stream().sorted(Comparator.comparingInt(MonitoringReport::getRoundNo))
        .map(r -> round(r, byReport.getOrDefault(r.getId(), List.of()), planOf.get(r.getId()),
            r.isActive() ? rounds.openPlan(r).orElse(null) : null))
        .toList();
    return new MonitoringView(project.code(), project.getProjectCode(), project.getDistrict(), project.getDepartment(),
        project.getBudgetYear(), project.getBudgetAmount(), project.getReclaimedTotal(), project.getAvailableBudget(),
        project.isKeyMonitoring(), name(project.getKeyReason()),
        project.getKeyReason() == null ? null : project.getKeyReason().label(), project.getKeyComment(),
        project.getPaymentState().name(), project.getPaymentState().label(), project.isOnSiteCheck(),
        goals.forProject(project.getProjectId(), project.getBudgetYear()).orElse(null), views,
        opinions.ofSubject(SubjectType.MONITORING, project.code()).stream().map(MonitoringView.Opinion::of).toList());
  }

  private static MonitoringView.Round round(MonitoringReport r, List<MonitoringAction> decided, CorrectionPlan plan,
      CorrectionPlan toCheck) {
    return new MonitoringView.Round(r.getId(), r.getRoundNo(), r.getAsOfDate(), r.getDueDate(), r.isExtra(),
        r.isKeyMonitoring(), r.getStatus().name(), r.getStatus().label(), r.getBudgetAmount(), r.getPaidToDate(),
        name(r.getPaidSource()), r.getPaidAsOf(), r.getImportedPaidToDate(), r.getPaidCorrectionReason(),
        r.getExecutionRate(), r.getTimeElapsed(), r.getIndicatorCompletion(), name(r.getLight()),
        r.getLight() == null ? null : r.getLight().label(), r.getDeviationReasons(), r.getCorrectiveMeasures(),
        r.getSubmittedBy(), r.getSubmittedAt(),
        r.getIndicators().stream().map(i -> new MonitoringView.IndicatorRow(i.getPosition(), i.getLevel1(),
            i.getLevel2(), i.getName(), i.getComparator(), i.getTargetValue(), i.getTargetText(), i.getUnit(),
            i.getWeight(), i.getValueToDate(), i.getValueText(), i.getCompletion(), i.getDeviationReason())).toList(),
        decided.stream().map(a -> new MonitoringView.Action(a.getKind().name(), a.getKind().label(), a.getAmount(),
            a.getComment(), a.getDecidedBy(), a.getDecidedAt())).toList(),
        plan(plan), plan(toCheck));
  }

  private static MonitoringView.Plan plan(CorrectionPlan p) {
    return p == null ? null : new MonitoringView.Plan(p.getReportId(), p.getPlan(), p.getDueDate(), p.getSubmittedBy(),
        p.getSubmittedAt(), p.getCheckedInRound(), p.getFulfilled(), p.getCheckComment());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  /** 调慢补快: what the district reclaimed in the year (its pool for urgent needs), for the finance bureau. */
  @Transactional(readOnly = true)
  public ReclaimedPool reclaimedPool(String district, int budgetYear, Caller caller) {
    if (!caller.worksIn(district)) {
      throw ApiException.notFound("辖区不存在：" + district);
    }
    if (!caller.isAdministrator() && !caller.hasRole(Role.FINANCE_PERFORMANCE) && !caller.hasRole(Role.FINANCE_BUDGET)) {
      throw ApiException.forbidden("只有财政局可以查看收回资金");
    }
    List<MonitoringAction> reclaimed = actions.findByDistrictAndBudgetYearAndKind(district, budgetYear, ActionKind.RECLAIM);
    BigDecimal total = reclaimed.stream().map(MonitoringAction::getAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new ReclaimedPool(district, budgetYear, total, reclaimed.stream()
        .map(a -> new ReclaimedPool.Entry(a.getProjectCode(), a.getAmount(), a.getComment(), a.getDecidedBy(),
            a.getDecidedAt())).toList());
  }

  public record ReclaimedPool(String district, int budgetYear, BigDecimal total, List<Entry> entries) {
    public record Entry(String projectCode, BigDecimal amount, String comment, String decidedBy,
        java.time.OffsetDateTime decidedAt) {}
  }
}
