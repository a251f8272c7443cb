package org.jixiao.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What applying an import does to one open report: the figure before and after, the execution rate it gives,
 * and the state of the report the preview read ({@code reportUpdatedAt}), so that a report changed since is
 * noticed. Written once with the preview.
 */
@Entity
@Table(name = "execution_import_row")
public class ExecutionImportRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private Long importId;

  /** The row in the uploaded sheet */
  @Column(nullable = false, updatable = false)
  private int rowNo;

  @Column(nullable = false, updatable = false)
  private String projectCode;

  @Column(nullable = false, updatable = false)
  private Long reportId;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  @Column(nullable = false, updatable = false)
  private int roundNo;

  @Column(nullable = false, updatable = false)
  private BigDecimal budgetAmount;

  @Column(updatable = false)
  private BigDecimal oldPaidToDate;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private PaidSource oldPaidSource;

  @Column(nullable = false, updatable = false)
  private BigDecimal paidToDate;

  @Column(nullable = false, updatable = false)
  private LocalDate asOfDate;

  /** paid / budget (4 places), null for a budget of 0 */
  @Column(updatable = false)
  private BigDecimal executionRate;

  /** The unit corrected its figure: the import is recorded beside it and does not replace it */
  @Column(nullable = false, updatable = false)
  private boolean keepsUnitFigure;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime reportUpdatedAt;

  protected ExecutionImportRow() {}

  ExecutionImportRow(Long importId, int rowNo, MonitoringReport report, BigDecimal budgetAmount, BigDecimal paidToDate,
      LocalDate asOfDate, BigDecimal executionRate) {
    this.importId = importId;
    this.rowNo = rowNo;
    this.projectCode = report.getProjectCode();
    this.reportId = report.getId();
    this.budgetYear = report.getBudgetYear();
    this.roundNo = report.getRoundNo();
    this.budgetAmount = budgetAmount;
    this.oldPaidToDate = report.getPaidToDate();
    this.oldPaidSource = report.getPaidSource();
    this.paidToDate = paidToDate;
    this.asOfDate = asOfDate;
    this.executionRate = executionRate;
    this.keepsUnitFigure = report.getPaidSource() == PaidSource.UNIT;
    this.reportUpdatedAt = report.getUpdatedAt();
  }

  public Long getId() {
    return id;
  }

  public Long getImportId() {
    return importId;
  }

  public int getRowNo() {
    return rowNo;
  }

  public String getProjectCode() {
    return projectCode;
  }

  public Long getReportId() {
    return reportId;
  }

  public int getBudgetYear() {
    return budgetYear;
  }

  public int getRoundNo() {
    return roundNo;
  }

  public BigDecimal getBudgetAmount() {
    return budgetAmount;
  }

  public BigDecimal getOldPaidToDate() {
    return oldPaidToDate;
  }

  public PaidSource getOldPaidSource() {
    return oldPaidSource;
  }

  public BigDecimal getPaidToDate() {
    return paidToDate;
  }

  public LocalDate getAsOfDate() {
    return asOfDate;
  }

  public BigDecimal getExecutionRate() {
    return executionRate;
  }

  public boolean isKeepsUnitFigure() {
    return keepsUnitFigure;
  }

  public OffsetDateTime getReportUpdatedAt() {
    return reportUpdatedAt;
  }
}
