package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test fixture: listed projects (a department project below every district's ex-ante threshold, applied through the
 * project service, so listed at once), their monitoring record and open round reports, made directly with the
 * monitoring entities, each in its own transaction as the monitoring process would leave them.
 */
@Component
class MonitoringFixtures {

  private final ProjectService projects;
  private final CallerLookup callers;
  private final MonitoringProjectRepository monitored;
  private final MonitoringReportRepository reports;
  private final TransactionTemplate tx;

  MonitoringFixtures(ProjectService projects, CallerLookup callers, MonitoringProjectRepository monitored,
      MonitoringReportRepository reports, TransactionTemplate tx) {
    this.projects = projects;
    this.callers = callers;
    this.monitored = monitored;
    this.reports = reports;
    this.tx = tx;
  }

  /** A listed project of the district's education department (health with {@code health = true}); its code. */
  String listed(String district, String amount, int budgetYear, boolean health) {
    String code = district.toUpperCase().substring(0, 2) + "-" + budgetYear + "-" + System.nanoTime();
    String department = district + (health ? "-health" : "-education");
    projects.apply(new ApplyProjectRequest(code, "监控测试项目 " + code, district, department,
        ItemType.DEPARTMENT_PROJECT, BudgetStage.ANNUAL, new BigDecimal(amount), false,
        FundSource.GENERAL_PUBLIC_BUDGET, 1, null, budgetYear, null),
        callers.of(district + (health ? "-health" : "-edu")));
    return code;
  }

  String listed(String district, String amount, int budgetYear) {
    return listed(district, amount, budgetYear, false);
  }

  /** The project's monitoring record for its year (budget = the project's budget). */
  MonitoringProject monitor(String code) {
    ProjectRef ref = projects.reference(code);
    return tx.execute(s -> monitored.save(new MonitoringProject(ref.code(), ref.id(), ref.district(), ref.department(),
        ref.budgetYear(), ref.budgetAmount(), OffsetDateTime.now())));
  }

  /** An open report of the given round, data as of 07-31 of the project's year. */
  MonitoringReport openReport(String code, int roundNo) {
    return tx.execute(s -> {
      ProjectRef ref = projects.reference(code);
      MonitoringProject project = monitored.findByProjectCodeAndBudgetYear(code, ref.budgetYear()).orElseThrow();
      return reports.save(new MonitoringReport(project, roundNo, LocalDate.of(ref.budgetYear(), 7, 31),
          LocalDate.of(ref.budgetYear(), 8, 15), false, null, null, OffsetDateTime.now()));
    });
  }

  /** A monitored project with one open report (round 1). */
  MonitoringReport monitoredWithOpenReport(String district, String amount, int budgetYear) {
    String code = listed(district, amount, budgetYear);
    monitor(code);
    return openReport(code, 1);
  }

  MonitoringReport report(Long id) {
    return reports.findById(id).orElseThrow();
  }

  MonitoringProject project(String code, int year) {
    return monitored.findByProjectCodeAndBudgetYear(code, year).orElseThrow();
  }

  /** Submits the report (the unit's step) and lights it, as the monitoring process would. */
  void submitAndLight(Long reportId, Light light) {
    tx.executeWithoutResult(s -> {
      MonitoringReport report = reports.findById(reportId).orElseThrow();
      OffsetDateTime now = OffsetDateTime.now();
      report.submit(null, null, "测试", "测试", "fixture", now);
      if (light != null) {
        report.lightUp(light, now);
      }
    });
  }

  void change(String code, int year, java.util.function.Consumer<MonitoringProject> change) {
    tx.executeWithoutResult(s -> change.accept(monitored.findByProjectCodeAndBudgetYear(code, year).orElseThrow()));
  }
}
