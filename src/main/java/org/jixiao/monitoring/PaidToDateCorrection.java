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

/** A budget unit's correction of its own paid-to-date figure on an open report, with its reason; written once. */
@Entity
@Table(name = "paid_to_date_correction")
public class PaidToDateCorrection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private Long reportId;

  @Column(nullable = false, updatable = false)
  private String projectCode;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  @Column(nullable = false, updatable = false)
  private int roundNo;

  @Column(updatable = false)
  private BigDecimal oldPaidToDate;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private PaidSource oldPaidSource;

  @Column(nullable = false, updatable = false)
  private BigDecimal paidToDate;

  @Column(nullable = false, updatable = false)
  private LocalDate asOfDate;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(nullable = false, updatable = false)
  private String correctedBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime correctedAt;

  protected PaidToDateCorrection() {}

  PaidToDateCorrection(MonitoringReport before, BigDecimal paidToDate, LocalDate asOfDate, String reason,
      String correctedBy, OffsetDateTime now) {
    this.reportId = before.getId();
    this.projectCode = before.getProjectCode();
    this.budgetYear = before.getBudgetYear();
    this.roundNo = before.getRoundNo();
    this.oldPaidToDate = before.getPaidToDate();
    this.oldPaidSource = before.getPaidSource();
    this.paidToDate = paidToDate;
    this.asOfDate = asOfDate;
    this.reason = reason;
    this.correctedBy = correctedBy;
    this.correctedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getReportId() {
    return reportId;
  }

  public String getProjectCode() {
    return projectCode;
  }

  public int getRoundNo() {
    return roundNo;
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

  public String getReason() {
    return reason;
  }

  public String getCorrectedBy() {
    return correctedBy;
  }

  public OffsetDateTime getCorrectedAt() {
    return correctedAt;
  }
}
