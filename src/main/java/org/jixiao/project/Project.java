package org.jixiao.project;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** A project or policy (项目/政策) in the project library; its code is the business key of its processes. */
@Entity
@Table(name = "project")
public class Project {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String department;

  /** 主管部门, where the applying unit has one above it */
  private String supervisingDepartment;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ItemType itemType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BudgetStage budgetStage;

  /** 新增或增支 */
  @Column(nullable = false)
  private boolean newSpending;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FundSource fundSource;

  /** 实施期限（年） */
  @Column(nullable = false)
  private int periodYears;

  @Column(nullable = false)
  private int budgetYear;

  /** Category in the common-indicator library (indicator_category.code), if any */
  private String category;

  /** 申报金额，元 */
  @Column(nullable = false)
  private BigDecimal amount;

  /** 审定金额，元: set where the district merges budget review into the assessment */
  private BigDecimal approvedAmount;

  @Embedded
  private RuleResults ruleResults;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProjectStatus status;

  /** The lifecycle stage (Process_ProjectYear) the project is in */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProjectStage stage;

  @Column(nullable = false, updatable = false)
  private String applicant;

  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected Project() {}

  Project(ApplyProjectRequest request, String applicant, OffsetDateTime now) {
    this.code = request.code();
    this.name = request.name().strip();
    this.district = request.district();
    this.department = request.department();
    this.supervisingDepartment = request.supervisingDepartment();
    this.itemType = request.itemType();
    this.budgetStage = request.budgetStage();
    this.newSpending = request.newSpending();
    this.fundSource = request.fundSource();
    this.periodYears = request.periodYears();
    this.budgetYear = request.budgetYear() != null ? request.budgetYear()
        : request.budgetStage() == BudgetStage.ANNUAL ? now.getYear() + 1 : now.getYear();
    this.category = request.category() == null || request.category().isBlank() ? null : request.category().strip();
    this.amount = request.amount();
    this.applicant = applicant;
    this.status = ProjectStatus.SUBMITTED;
    this.stage = ProjectStage.EX_ANTE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void applyRules(RuleResults results, OffsetDateTime now) {
    this.ruleResults = results;
    this.updatedAt = now;
  }

  void approveAmount(BigDecimal approved, OffsetDateTime now) {
    this.approvedAmount = approved;
    this.updatedAt = now;
  }

  void moveTo(ProjectStatus newStatus, OffsetDateTime now) {
    this.status = newStatus;
    this.updatedAt = now;
  }

  void enter(ProjectStage newStage, OffsetDateTime now) {
    this.stage = newStage;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDistrict() {
    return district;
  }

  public String getDepartment() {
    return department;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getSupervisingDepartment() {
    return supervisingDepartment;
  }

  public ItemType getItemType() {
    return itemType;
  }

  public BudgetStage getBudgetStage() {
    return budgetStage;
  }

  public boolean isNewSpending() {
    return newSpending;
  }

  public FundSource getFundSource() {
    return fundSource;
  }

  public int getPeriodYears() {
    return periodYears;
  }

  public int getBudgetYear() {
    return budgetYear;
  }

  public String getCategory() {
    return category;
  }

  public BigDecimal getApprovedAmount() {
    return approvedAmount;
  }

  /** 审减金额: requested minus approved, once an amount is approved */
  public BigDecimal getCutAmount() {
    return approvedAmount == null ? null : amount.subtract(approvedAmount);
  }

  public RuleResults getRuleResults() {
    return ruleResults;
  }

  public ProjectStatus getStatus() {
    return status;
  }

  public ProjectStage getStage() {
    return stage;
  }

  public String getApplicant() {
    return applicant;
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
