package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.identity.Caller;
import org.jixiao.identity.Role;
import org.jixiao.system.ApiError;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A budget unit corrects its own paid-to-date figure on an open report, with a reason: the figure passes the import's
 * checks, the report's source becomes 单位更正 (the imported figure is kept beside it), and the correction is kept
 * as a row of the report's history.
 */
@Service
public class PaidToDateCorrections {

  static final int MAX_REASON = 1000;

  private final MonitoringReportRepository reports;
  private final MonitoringProjectRepository monitored;
  private final PaidToDateCorrectionRepository corrections;

  PaidToDateCorrections(MonitoringReportRepository reports, MonitoringProjectRepository monitored,
      PaidToDateCorrectionRepository corrections) {
    this.reports = reports;
    this.monitored = monitored;
    this.corrections = corrections;
  }

  /** What the unit sends: the figure in 元, why, and optionally the date it is as of (default: the round's). */
  public record Request(BigDecimal paidToDate, String reason, LocalDate asOfDate) {}

  /** The report's figure now and every correction of it. */
  public record FigureView(Long reportId, String projectCode, int budgetYear, int roundNo, String status,
      String statusLabel, BigDecimal budgetAmount, BigDecimal paidToDate, String paidSource, String paidSourceLabel,
      LocalDate paidAsOf, BigDecimal importedPaidToDate, String paidCorrectionReason, BigDecimal executionRate,
      List<CorrectionView> corrections) {}

  public record CorrectionView(BigDecimal oldPaidToDate, String oldPaidSourceLabel, BigDecimal paidToDate,
      LocalDate asOfDate, String reason, String correctedBy, OffsetDateTime correctedAt) {}

  @Transactional
  public FigureView correct(Long reportId, Request request, Caller caller) {
    MonitoringReport report = visible(reportId, caller);
    if (!caller.isAdministrator() && !(caller.hasRole(Role.BUDGET_UNIT) && caller.belongsTo(report.getDepartment()))) {
      throw ApiException.forbidden("只有项目所属预算单位可以更正本单位的累计支付金额");
    }
    if (report.getStatus() != ReportStatus.OPEN) {
      throw ApiException.conflict("监控报告" + report.getStatus().label() + "，不能再更正累计支付金额");
    }
    MonitoringProject project = monitored.findByProjectCodeAndBudgetYear(report.getProjectCode(), report.getBudgetYear())
        .orElse(null);
    List<ApiError.FieldError> problems = new ArrayList<>();
    BigDecimal paid = request == null ? null : request.paidToDate();
    if (paid == null) {
      problems.add(new ApiError.FieldError("paidToDate", "请填写累计支付金额（元）"));
    } else {
      String bad = PaidToDateRules.amountProblem(paid);
      if (bad == null) {
        bad = PaidToDateRules.budgetProblem(paid, PaidToDateRules.budgetOf(report, project));
      }
      if (bad != null) {
        problems.add(new ApiError.FieldError("paidToDate", bad));
      }
    }
    String reason = request == null || request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty()) {
      problems.add(new ApiError.FieldError("reason", "请说明更正累计支付金额的原因"));
    } else if (reason.length() > MAX_REASON) {
      problems.add(new ApiError.FieldError("reason", "更正原因不超过 " + MAX_REASON + " 字"));
    }
    LocalDate asOf = request == null || request.asOfDate() == null ? report.getAsOfDate() : request.asOfDate();
    String wrongYear = PaidToDateRules.dateProblem(asOf, report.getBudgetYear());
    if (wrongYear != null) {
      problems.add(new ApiError.FieldError("asOfDate", wrongYear));
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    OffsetDateTime now = OffsetDateTime.now();
    BigDecimal exact = paid.setScale(2);
    corrections.save(new PaidToDateCorrection(report, exact, asOf, reason, caller.userId(), now));
    report.correctPaid(exact, asOf, reason, now);
    return view(report, project);
  }

  @Transactional(readOnly = true)
  public FigureView figure(Long reportId, Caller caller) {
    MonitoringReport report = visible(reportId, caller);
    if (!caller.mayRead(report.getDistrict(), report.getDepartment())) {
      // another department's report reads as a missing one, as its project does
      throw missing(reportId);
    }
    return view(report, monitored.findByProjectCodeAndBudgetYear(report.getProjectCode(), report.getBudgetYear())
        .orElse(null));
  }

  /** A report of another district is answered as a missing one. */
  private MonitoringReport visible(Long reportId, Caller caller) {
    return reports.findById(reportId).filter(r -> caller.worksIn(r.getDistrict()))
        .orElseThrow(() -> missing(reportId));
  }

  private static ApiException missing(Long reportId) {
    return ApiException.notFound("监控报告不存在：" + reportId);
  }

  private FigureView view(MonitoringReport report, MonitoringProject project) {
    BigDecimal budget = PaidToDateRules.budgetOf(report, project);
    List<CorrectionView> history = corrections.findByReportIdOrderByCorrectedAtAscIdAsc(report.getId()).stream()
        .map(c -> new CorrectionView(c.getOldPaidToDate(), c.getOldPaidSource() == null ? null : c.getOldPaidSource().label(),
            c.getPaidToDate(), c.getAsOfDate(), c.getReason(), c.getCorrectedBy(), c.getCorrectedAt()))
        .toList();
    return new FigureView(report.getId(), report.getProjectCode(), report.getBudgetYear(), report.getRoundNo(),
        report.getStatus().name(), report.getStatus().label(), budget, report.getPaidToDate(),
        report.getPaidSource() == null ? null : report.getPaidSource().name(),
        report.getPaidSource() == null ? null : report.getPaidSource().label(), report.getPaidAsOf(),
        report.getImportedPaidToDate(), report.getPaidCorrectionReason(),
        report.getPaidToDate() == null ? null : PaidToDateRules.executionRate(report.getPaidToDate(), budget), history);
  }
}
