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
import java.time.OffsetDateTime;

/**
 * The finance bureau's decision on a red light, and its record: reclaim (with the amount, at most the unspent
 * money), order a correction, suspend payment or stop the project. Written once.
 */
@Entity
@Table(name = "monitoring_action")
public class MonitoringAction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private Long reportId;

  @Column(nullable = false, updatable = false)
  private String projectCode;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ActionKind kind;

  /** RECLAIM only: the amount reclaimed, 元 */
  @Column(updatable = false)
  private BigDecimal amount;

  @Column(updatable = false)
  private String comment;

  @Column(nullable = false, updatable = false)
  private String decidedBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime decidedAt;

  protected MonitoringAction() {}

  MonitoringAction(MonitoringReport report, ActionKind kind, BigDecimal amount, String comment, String decidedBy,
      OffsetDateTime decidedAt) {
    this.reportId = report.getId();
    this.projectCode = report.getProjectCode();
    this.district = report.getDistrict();
    this.budgetYear = report.getBudgetYear();
    this.kind = kind;
    this.amount = amount;
    this.comment = comment;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
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

  public String getDistrict() {
    return district;
  }

  public int getBudgetYear() {
    return budgetYear;
  }

  public ActionKind getKind() {
    return kind;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getComment() {
    return comment;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public OffsetDateTime getDecidedAt() {
    return decidedAt;
  }
}
