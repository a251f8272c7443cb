package org.jixiao.monitoring;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One project's monitoring report for one round (监控轮次): the budget available when the round opened, money paid
 * to date (元, from the budget execution system's import or corrected by the unit with a reason), the execution
 * rate against the time elapsed (序时进度), each approved indicator's value to date, the reasons for the
 * deviations and the corrective measures (纠偏措施), and the light it got.
 */
@Entity
@Table(name = "monitoring_report")
public class MonitoringReport {

  /** Ratios are kept to 4 places (0.6250 = 62.50 %). */
  public static final int RATIO_SCALE = 4;

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

  @Column(nullable = false, updatable = false)
  private int roundNo;

  /** 数据截至日期 */
  @Column(nullable = false, updatable = false)
  private LocalDate asOfDate;

  /** The day the unit's report is due */
  private LocalDate dueDate;

  /** An extra round opened by the finance bureau for chosen projects */
  @Column(nullable = false, updatable = false)
  private boolean extra;

  /** Under key monitoring when the round opened: the finance bureau reviews the report */
  @Column(nullable = false)
  private boolean keyMonitoring;

  /** The goal version (number) in force when the round opened, whose indicators the report carries */
  @Column(updatable = false)
  private Integer goalVersionNumber;

  /** 可用预算 when the round opened, 元 */
  @Column(nullable = false, updatable = false)
  private BigDecimal budgetAmount;

  private BigDecimal paidToDate;

  @Enumerated(EnumType.STRING)
  private PaidSource paidSource;

  private LocalDate paidAsOf;

  /** The imported figure a unit's correction replaced */
  private BigDecimal importedPaidToDate;

  private String paidCorrectionReason;

  private BigDecimal executionRate;

  private BigDecimal timeElapsed;

  private BigDecimal indicatorCompletion;

  @Enumerated(EnumType.STRING)
  private Light light;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReportStatus status;

  private String deviationReasons;

  private String correctiveMeasures;

  private String submittedBy;

  private OffsetDateTime submittedAt;

  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @OrderBy("position ASC")
  private List<MonitoringIndicator> indicators = new ArrayList<>();

  protected MonitoringReport() {}

  MonitoringReport(MonitoringProject project, int roundNo, LocalDate asOfDate, LocalDate dueDate, boolean extra,
      Integer goalVersionNumber, String processInstanceId, OffsetDateTime now) {
    this.projectCode = project.getProjectCode();
    this.projectId = project.getProjectId();
    this.district = project.getDistrict();
    this.department = project.getDepartment();
    this.budgetYear = project.getBudgetYear();
    this.roundNo = roundNo;
    this.asOfDate = asOfDate;
    this.dueDate = dueDate;
    this.extra = extra;
    this.keyMonitoring = project.isKeyMonitoring();
    this.goalVersionNumber = goalVersionNumber;
    this.budgetAmount = project.getAvailableBudget();
    this.timeElapsed = timeElapsed(asOfDate);
    this.status = ReportStatus.OPEN;
    this.processInstanceId = processInstanceId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * 序时进度: the share of the budget year gone by at the as-of date, the as-of day counted (06-30 of a
   * 365-day year = 181/365 = 0.4959; 12-31 = 1.0000). Before the year → 0, after it → 1.
   */
  public static BigDecimal timeElapsed(LocalDate asOfDate) {
    int days = asOfDate.lengthOfYear();
    int gone = asOfDate.getDayOfYear();
    return BigDecimal.valueOf(gone).divide(BigDecimal.valueOf(days), RATIO_SCALE, RoundingMode.HALF_UP);
  }

  void addIndicator(MonitoringIndicator indicator) {
    indicators.add(indicator);
  }

  /** The budget execution system's figure (导入): replaces an earlier import, never the unit's own correction. */
  public void recordImportedPaid(BigDecimal paid, LocalDate asOf, OffsetDateTime now) {
    if (paidSource == PaidSource.UNIT) {
      this.importedPaidToDate = paid;
    } else {
      this.paidToDate = paid;
      this.paidSource = PaidSource.IMPORT;
      this.paidAsOf = asOf;
    }
    this.updatedAt = now;
  }

  /** The unit's own figure, with its reason (required by the caller when an imported figure is replaced). */
  public void correctPaid(BigDecimal paid, LocalDate asOf, String reason, OffsetDateTime now) {
    if (paidSource == PaidSource.IMPORT) {
      this.importedPaidToDate = paidToDate;
    }
    this.paidToDate = paid;
    this.paidSource = PaidSource.UNIT;
    this.paidAsOf = asOf;
    this.paidCorrectionReason = reason;
    this.updatedAt = now;
  }

  void submit(BigDecimal executionRate, BigDecimal indicatorCompletion, String deviationReasons,
      String correctiveMeasures, String by, OffsetDateTime now) {
    this.executionRate = executionRate;
    this.indicatorCompletion = indicatorCompletion;
    this.deviationReasons = deviationReasons;
    this.correctiveMeasures = correctiveMeasures;
    this.submittedBy = by;
    this.submittedAt = now;
    this.status = ReportStatus.SUBMITTED;
    this.updatedAt = now;
  }

  void lightUp(Light light, OffsetDateTime now) {
    this.light = light;
    this.updatedAt = now;
  }

  void moveTo(ReportStatus status, OffsetDateTime now) {
    this.status = status;
    this.updatedAt = now;
  }

  /** Still waiting for the unit (or for a decision): not closed and not ended. */
  public boolean isActive() {
    return status != ReportStatus.CLOSED && status != ReportStatus.ENDED;
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

  public int getRoundNo() {
    return roundNo;
  }

  public LocalDate getAsOfDate() {
    return asOfDate;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public boolean isExtra() {
    return extra;
  }

  public boolean isKeyMonitoring() {
    return keyMonitoring;
  }

  public Integer getGoalVersionNumber() {
    return goalVersionNumber;
  }

  public BigDecimal getBudgetAmount() {
    return budgetAmount;
  }

  public BigDecimal getPaidToDate() {
    return paidToDate;
  }

  public PaidSource getPaidSource() {
    return paidSource;
  }

  public LocalDate getPaidAsOf() {
    return paidAsOf;
  }

  public BigDecimal getImportedPaidToDate() {
    return importedPaidToDate;
  }

  public String getPaidCorrectionReason() {
    return paidCorrectionReason;
  }

  public BigDecimal getExecutionRate() {
    return executionRate;
  }

  public BigDecimal getTimeElapsed() {
    return timeElapsed;
  }

  public BigDecimal getIndicatorCompletion() {
    return indicatorCompletion;
  }

  public Light getLight() {
    return light;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public String getDeviationReasons() {
    return deviationReasons;
  }

  public String getCorrectiveMeasures() {
    return correctiveMeasures;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
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

  public List<MonitoringIndicator> getIndicators() {
    return List.copyOf(indicators);
  }
}
