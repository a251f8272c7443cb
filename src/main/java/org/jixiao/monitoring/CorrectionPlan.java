package org.jixiao.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A correction plan (纠偏计划) the unit submits on a yellow light, or when the finance bureau orders a correction
 * on a red one: what it will do by when. The next round's report shows it and the unit states whether it was
 * fulfilled (checked in that round).
 */
@Entity
@Table(name = "correction_plan")
public class CorrectionPlan {

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
  private String plan;

  @Column(nullable = false, updatable = false)
  private LocalDate dueDate;

  @Column(nullable = false, updatable = false)
  private String submittedBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime submittedAt;

  /** The round whose report checked the plan */
  private Integer checkedInRound;

  private Boolean fulfilled;

  private String checkComment;

  private String checkedBy;

  private OffsetDateTime checkedAt;

  protected CorrectionPlan() {}

  CorrectionPlan(MonitoringReport report, String plan, LocalDate dueDate, String submittedBy, OffsetDateTime now) {
    this.reportId = report.getId();
    this.projectCode = report.getProjectCode();
    this.budgetYear = report.getBudgetYear();
    this.plan = plan;
    this.dueDate = dueDate;
    this.submittedBy = submittedBy;
    this.submittedAt = now;
  }

  void check(int roundNo, boolean fulfilled, String comment, String by, OffsetDateTime now) {
    this.checkedInRound = roundNo;
    this.fulfilled = fulfilled;
    this.checkComment = comment;
    this.checkedBy = by;
    this.checkedAt = now;
  }

  public boolean isChecked() {
    return checkedInRound != null;
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

  public int getBudgetYear() {
    return budgetYear;
  }

  public String getPlan() {
    return plan;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }

  public Integer getCheckedInRound() {
    return checkedInRound;
  }

  public Boolean getFulfilled() {
    return fulfilled;
  }

  public String getCheckComment() {
    return checkComment;
  }

  public String getCheckedBy() {
    return checkedBy;
  }

  public OffsetDateTime getCheckedAt() {
    return checkedAt;
  }
}
