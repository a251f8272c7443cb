package org.jixiao.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.jixiao.stage.ReviewDecision;

/** One opinion on a goal set: on which version, in which step, by whom, deciding what. Written once. */
@Entity
@Table(name = "goal_opinion")
public class GoalOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "goal_set_id", updatable = false)
  private GoalSet goalSet;

  @Column(nullable = false, updatable = false)
  private int versionNumber;

  @Column(nullable = false, updatable = false)
  private String step;

  @Column(nullable = false, updatable = false)
  private String stepName;

  @Column(nullable = false, updatable = false)
  private String reviewer;

  @Column(nullable = false, updatable = false)
  private String reviewerRole;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ReviewDecision decision;

  @Column(updatable = false)
  private String comment;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime givenAt;

  protected GoalOpinion() {}

  GoalOpinion(GoalSet goalSet, int versionNumber, String step, String stepName, String reviewer, String reviewerRole,
      ReviewDecision decision, String comment, OffsetDateTime givenAt) {
    this.goalSet = goalSet;
    this.versionNumber = versionNumber;
    this.step = step;
    this.stepName = stepName;
    this.reviewer = reviewer;
    this.reviewerRole = reviewerRole;
    this.decision = decision;
    this.comment = comment;
    this.givenAt = givenAt;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getStep() {
    return step;
  }

  public String getStepName() {
    return stepName;
  }

  public String getReviewer() {
    return reviewer;
  }

  public String getReviewerRole() {
    return reviewerRole;
  }

  public ReviewDecision getDecision() {
    return decision;
  }

  public String getComment() {
    return comment;
  }

  public OffsetDateTime getGivenAt() {
    return givenAt;
  }
}
