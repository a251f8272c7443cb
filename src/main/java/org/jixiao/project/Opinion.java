package org.jixiao.project;

import jakarta.persistence.Column;
import org.jixiao.stage.DimensionScores;
import org.jixiao.stage.ReviewDecision;
import jakarta.persistence.Embedded;
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

/** One opinion on a project: who gave it, in which role and step, when, and what they decided. */
@Entity
@Table(name = "project_opinion")
public class Opinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  /** BPMN id of the user task, e.g. Task_ReviewApplication */
  @Column(nullable = false)
  private String step;

  /** Its Chinese name, as the reviewer saw it */
  @Column(nullable = false)
  private String stepName;

  @Column(nullable = false)
  private String reviewer;

  /** Role group id, see org.jixiao.identity.Role */
  @Column(nullable = false)
  private String reviewerRole;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReviewDecision decision;

  private String comment;

  /** the five dimension scores, where the step scores them */
  @Embedded
  private DimensionScores scores;

  /** the assessment's overall conclusion (评估结论), where the step gives one */
  private String conclusion;

  @Column(nullable = false)
  private OffsetDateTime givenAt;

  protected Opinion() {}

  Opinion(Project project, String step, String stepName, String reviewer, String reviewerRole,
      ReviewDecision decision, String comment, DimensionScores scores, String conclusion, OffsetDateTime givenAt) {
    this.project = project;
    this.step = step;
    this.stepName = stepName;
    this.reviewer = reviewer;
    this.reviewerRole = reviewerRole;
    this.decision = decision;
    this.comment = comment;
    this.scores = scores;
    this.conclusion = conclusion;
    this.givenAt = givenAt;
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

  public DimensionScores getScores() {
    return scores;
  }

  public String getConclusion() {
    return conclusion;
  }

  public OffsetDateTime getGivenAt() {
    return givenAt;
  }
}
