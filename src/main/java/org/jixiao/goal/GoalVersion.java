package org.jixiao.goal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of a goal set: a submission, a revision or an adjustment. Its content (overall goal, reason,
 * indicators) is fixed when it is created: the columns are not updatable and nothing offers to change them;
 * only its state moves (submitted → approved → superseded, or returned, or refused).
 */
@Entity
@Table(name = "goal_version")
public class GoalVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "goal_set_id", updatable = false)
  private GoalSet goalSet;

  @Column(nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private GoalVersionKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private GoalVersionState state;

  @Column(nullable = false, updatable = false)
  private String overallGoal;

  /** Why the unit asks for an adjustment; only for adjustments. */
  @Column(updatable = false)
  private String reason;

  @Column(nullable = false, updatable = false)
  private String submittedBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime submittedAt;

  private String decidedBy;

  private OffsetDateTime decidedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "goal_indicator", joinColumns = @JoinColumn(name = "goal_version_id"))
  @OrderColumn(name = "position")
  private List<Indicator> indicators = new ArrayList<>();

  protected GoalVersion() {}

  GoalVersion(GoalSet goalSet, int number, GoalVersionKind kind, GoalDraft draft, String reason, String submittedBy,
      OffsetDateTime submittedAt) {
    this.goalSet = goalSet;
    this.number = number;
    this.kind = kind;
    this.state = GoalVersionState.SUBMITTED;
    this.overallGoal = draft.overallGoal().strip();
    this.reason = reason;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.indicators = new ArrayList<>(draft.toIndicators());
  }

  /**
   * Whether a draft states the same goals as this version: the same overall goal and the same indicators with
   * the same targets and weights, in whatever order.
   */
  boolean hasSameGoalsAs(GoalDraft draft) {
    return overallGoal.equals(draft.overallGoal().strip()) && contentOf(indicators).equals(contentOf(draft.toIndicators()));
  }

  private static Set<String> contentOf(List<Indicator> indicators) {
    return indicators.stream().map(Indicator::content).collect(Collectors.toSet());
  }

  void decide(GoalVersionState newState, String by, OffsetDateTime at) {
    this.state = newState;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  /** Replaced by an approved adjustment: stays in the history as it was approved. */
  void supersede() {
    this.state = GoalVersionState.SUPERSEDED;
  }

  public int getNumber() {
    return number;
  }

  public GoalVersionKind getKind() {
    return kind;
  }

  public GoalVersionState getState() {
    return state;
  }

  public String getOverallGoal() {
    return overallGoal;
  }

  public String getReason() {
    return reason;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public OffsetDateTime getDecidedAt() {
    return decidedAt;
  }

  /** The indicator tree in its order; unmodifiable. */
  public List<Indicator> getIndicators() {
    return List.copyOf(indicators);
  }
}
