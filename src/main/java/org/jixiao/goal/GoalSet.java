package org.jixiao.goal;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;

/**
 * The performance goals (绩效目标) of one project, or of a department's whole budget, for one budget year:
 * its versions in order and where the review stands (the opinions on it are in the stage kit's record,
 * {@code org.jixiao.stage.Opinions}). The project is referred to by its id (the project library is its own module).
 */
@Entity
@Table(name = "goal_set")
public class GoalSet {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Business key of the review process: the project code (or department) and the year, e.g. QJ-2026-001-2027 */
  @Column(nullable = false, updatable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private GoalSubject subject;

  @Column(name = "project_id", updatable = false)
  private Long projectId;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String department;

  @Column(nullable = false, updatable = false)
  private int budgetYear;

  @Column(nullable = false)
  private BigDecimal budgetAmount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private GoalSetStatus status;

  /** How many times the finance bureau has taken up the goals (一下 is round 1 in Jilin). */
  private int financeRound;

  /** Drawn for 抽审 (true), not drawn (false), no draw yet or none in this district (null). */
  private Boolean sampled;

  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private String createdBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "goalSet", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @OrderBy("number ASC")
  private List<GoalVersion> versions = new ArrayList<>();

  protected GoalSet() {}

  GoalSet(String code, GoalSubject subject, Long projectId, String district, String department, int budgetYear,
      BigDecimal budgetAmount, String createdBy, OffsetDateTime now) {
    this.code = code;
    this.subject = subject;
    this.projectId = projectId;
    this.district = district;
    this.department = department;
    this.budgetYear = budgetYear;
    this.budgetAmount = budgetAmount;
    this.status = GoalSetStatus.DRAFTING;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** 一上 or a revision (二上 …): allowed while drafting or after a return; the new version awaits review. */
  GoalVersion submit(GoalDraft draft, String by, OffsetDateTime now) {
    if (status != GoalSetStatus.DRAFTING && status != GoalSetStatus.RETURNED && status != GoalSetStatus.REOPENED) {
      throw ApiException.conflict(status == GoalSetStatus.APPROVED
          ? "绩效目标已批复，不能直接修改；执行中确需调整的，请提出目标调整申请，报财政部门重新审定批复"
          : "绩效目标当前" + status.label() + "，不能报送新的版本");
    }
    GoalVersionKind kind = versions.isEmpty() ? GoalVersionKind.SUBMISSION : GoalVersionKind.REVISION;
    GoalVersion version = new GoalVersion(this, versions.size() + 1, kind, draft, null, by, now);
    versions.add(version);
    moveTo(GoalSetStatus.UNDER_REVIEW, now);
    return version;
  }

  /**
   * What an adjustment must be: of approved goals, one at a time (else 409), and a change of them (else 400).
   */
  void checkAdjustment(GoalDraft draft) {
    if (status != GoalSetStatus.APPROVED) {
      throw ApiException.conflict("只有已批复的绩效目标可以申请调整（当前：" + status.label() + "）");
    }
    GoalVersion inForce = approved().orElseThrow();
    if (inForce.hasSameGoalsAs(draft)) {
      throw new InvalidInputException("调整后的绩效目标与批复的第 " + inForce.getNumber()
          + " 版相同：请修改总体目标或指标后再申请调整");
    }
  }

  /** A change requested during execution: see {@link #checkAdjustment}. */
  GoalVersion requestAdjustment(GoalDraft draft, String reason, String by, OffsetDateTime now) {
    checkAdjustment(draft);
    GoalVersion version = new GoalVersion(this, versions.size() + 1, GoalVersionKind.ADJUSTMENT, draft, reason, by, now);
    versions.add(version);
    moveTo(GoalSetStatus.ADJUSTING, now);
    return version;
  }

  /** 批复 of the latest version (a submission, revision or adjustment); an earlier approved one is superseded. */
  void approveLatest(String by, OffsetDateTime now) {
    GoalVersion latest = latest().orElseThrow();
    approved().ifPresent(GoalVersion::supersede);
    latest.decide(GoalVersionState.APPROVED, by, now);
    moveTo(GoalSetStatus.APPROVED, now);
  }

  /** Opinions sent back: the latest version is returned to the unit for revision. */
  void returnLatest(String by, OffsetDateTime now) {
    latest().orElseThrow().decide(GoalVersionState.RETURNED, by, now);
    moveTo(GoalSetStatus.RETURNED, now);
  }

  /** The adjustment is refused: the approved version stays in force. */
  void refuseAdjustment(String by, OffsetDateTime now) {
    latest().orElseThrow().decide(GoalVersionState.REFUSED, by, now);
    moveTo(GoalSetStatus.APPROVED, now);
  }

  /** 抽审 found the approved goals wanting: the unit revises them; the approved version stays in force until replaced. */
  void reopen(OffsetDateTime now) {
    moveTo(GoalSetStatus.REOPENED, now);
  }

  int nextFinanceRound(OffsetDateTime now) {
    financeRound++;
    this.updatedAt = now;
    return financeRound;
  }

  void drawn(boolean sampled, OffsetDateTime now) {
    this.sampled = sampled;
    this.updatedAt = now;
  }

  /** An opinion was recorded on the set (in the stage kit's opinion record). */
  void opinionGiven(OffsetDateTime givenAt) {
    this.updatedAt = givenAt;
  }

  private void moveTo(GoalSetStatus newStatus, OffsetDateTime now) {
    this.status = newStatus;
    this.updatedAt = now;
  }

  public Optional<GoalVersion> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The version in force: the one approved and not superseded. */
  public Optional<GoalVersion> approved() {
    return versions.stream().filter(v -> v.getState() == GoalVersionState.APPROVED).findFirst();
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public GoalSubject getSubject() {
    return subject;
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

  public GoalSetStatus getStatus() {
    return status;
  }

  public int getFinanceRound() {
    return financeRound;
  }

  public Boolean getSampled() {
    return sampled;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public List<GoalVersion> getVersions() {
    return List.copyOf(versions);
  }
}
