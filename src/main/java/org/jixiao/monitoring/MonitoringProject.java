package org.jixiao.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A project's monitoring state for one budget year: whether it is under key monitoring (重点监控) and why,
 * whether money may still be paid (暂缓拨付, 止损), how much was reclaimed (调慢补快) and so what is still
 * available, and whether it was drawn for an on-site check (现场核查).
 */
@Entity
@Table(name = "monitoring_project")
public class MonitoringProject {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String projectCode;

  @Column(nullable = false, updatable = false)
  private Long projectId;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String department;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  /** The budget the goals were approved with, 元 */
  @Column(nullable = false, updatable = false)
  private BigDecimal budgetAmount;

  @Column(nullable = false)
  private boolean keyMonitoring;

  @Enumerated(EnumType.STRING)
  private KeyReason keyReason;

  private String keyComment;

  private String keyMarkedBy;

  private OffsetDateTime keyMarkedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentState paymentState;

  /** Reclaimed so far (调慢补快), 元 */
  @Column(nullable = false)
  private BigDecimal reclaimedTotal;

  @Column(nullable = false)
  private boolean onSiteCheck;

  /** An extra round the finance bureau requested and the process has not opened yet: its as-of date */
  private java.time.LocalDate extraRoundAsOf;

  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected MonitoringProject() {}

  public MonitoringProject(String projectCode, Long projectId, String district, String department, int budgetYear,
      BigDecimal budgetAmount, OffsetDateTime now) {
    this.projectCode = projectCode;
    this.projectId = projectId;
    this.district = district;
    this.department = department;
    this.budgetYear = budgetYear;
    this.budgetAmount = budgetAmount;
    this.paymentState = PaymentState.NORMAL;
    this.reclaimedTotal = BigDecimal.ZERO.setScale(2);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** 可用预算: the budget less what was reclaimed. */
  public BigDecimal getAvailableBudget() {
    return budgetAmount.subtract(reclaimedTotal);
  }

  void startedAs(String processInstanceId, OffsetDateTime now) {
    this.processInstanceId = processInstanceId;
    this.updatedAt = now;
  }

  void markKey(KeyReason reason, String comment, String by, OffsetDateTime now) {
    this.keyMonitoring = true;
    this.keyReason = reason;
    this.keyComment = comment;
    this.keyMarkedBy = by;
    this.keyMarkedAt = now;
    this.updatedAt = now;
  }

  void unmarkKey(String by, OffsetDateTime now) {
    this.keyMonitoring = false;
    this.keyReason = null;
    this.keyComment = null;
    this.keyMarkedBy = by;
    this.keyMarkedAt = now;
    this.updatedAt = now;
  }

  /** 调慢补快: the amount (checked by the caller against the unspent money) lowers the available budget. */
  void reclaim(BigDecimal amount, OffsetDateTime now) {
    this.reclaimedTotal = reclaimedTotal.add(amount);
    this.updatedAt = now;
  }

  void suspendPayment(OffsetDateTime now) {
    if (paymentState == PaymentState.NORMAL) {
      this.paymentState = PaymentState.SUSPENDED;
    }
    this.updatedAt = now;
  }

  void resumePayment(OffsetDateTime now) {
    if (paymentState == PaymentState.SUSPENDED) {
      this.paymentState = PaymentState.NORMAL;
    }
    this.updatedAt = now;
  }

  void stop(OffsetDateTime now) {
    this.paymentState = PaymentState.STOPPED;
    this.updatedAt = now;
  }

  /** Drawn (or not) for an on-site check (现场核查, Enyang's 随机抽取). */
  public void drawnForOnSiteCheck(boolean drawn, OffsetDateTime now) {
    this.onSiteCheck = drawn;
    this.updatedAt = now;
  }

  void requestExtraRound(java.time.LocalDate asOf, OffsetDateTime now) {
    this.extraRoundAsOf = asOf;
    this.updatedAt = now;
  }

  /** The pending extra round's as-of date, cleared: the round is being opened. */
  java.util.Optional<java.time.LocalDate> takeExtraRound(OffsetDateTime now) {
    java.time.LocalDate asOf = extraRoundAsOf;
    this.extraRoundAsOf = null;
    this.updatedAt = now;
    return java.util.Optional.ofNullable(asOf);
  }

  /** The monitoring code: the project code and the year (QJ-2026-001-2027), business key of the process. */
  public String code() {
    return projectCode + "-" + budgetYear;
  }

  public boolean isStopped() {
    return paymentState == PaymentState.STOPPED;
  }

  public Long getId() {
    return id;
  }

  public String getProjectCode() {
    return projectCode;
  }

  public Long getProjectId() {
    return projectId;
  }

  public String getDistrict() {
    return district;
  }

  public String getDepartment() {
    return department;
  }

  public int getBudgetYear() {
    return budgetYear;
  }

  public BigDecimal getBudgetAmount() {
    return budgetAmount;
  }

  public boolean isKeyMonitoring() {
    return keyMonitoring;
  }

  public KeyReason getKeyReason() {
    return keyReason;
  }

  public String getKeyComment() {
    return keyComment;
  }

  public String getKeyMarkedBy() {
    return keyMarkedBy;
  }

  public OffsetDateTime getKeyMarkedAt() {
    return keyMarkedAt;
  }

  public PaymentState getPaymentState() {
    return paymentState;
  }

  public BigDecimal getReclaimedTotal() {
    return reclaimedTotal;
  }

  public boolean isOnSiteCheck() {
    return onSiteCheck;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
