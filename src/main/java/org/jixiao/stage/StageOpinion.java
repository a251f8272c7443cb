package org.jixiao.stage;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One opinion given in a step of any stage: on which subject and round (or version), in which step, by
 * whom in which role, deciding what, with the comment, the five dimension scores and the conclusion where
 * the step gives them. Written once, never changed.
 */
@Entity
@Table(name = "stage_opinion")
public class StageOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Stage stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SubjectType subjectType;

  @Column(nullable = false, updatable = false)
  private Long subjectId;

  @Column(nullable = false, updatable = false)
  private String subjectCode;

  /** The goal version the opinion is on, or the stage's round; null where the stage counts none. */
  @Column(name = "round_number", updatable = false)
  private Integer round;

  /** BPMN id of the user task, e.g. Task_ReviewApplication */
  @Column(nullable = false, updatable = false)
  private String step;

  /** Its Chinese name, as the actor saw it */
  @Column(nullable = false, updatable = false)
  private String stepName;

  @Column(nullable = false, updatable = false)
  private String actor;

  /** Role group id, see org.jixiao.identity.Role */
  @Column(nullable = false, updatable = false)
  private String actorRole;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ReviewDecision decision;

  @Column(updatable = false)
  private String comment;

  /** the five dimension scores, where the step scores them */
  @Embedded
  private DimensionScores scores;

  /** the overall conclusion (评估结论), where the step gives one */
  @Column(updatable = false)
  private String conclusion;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime givenAt;

  protected StageOpinion() {}

  StageOpinion(Opinions.Given given, OffsetDateTime givenAt) {
    this.stage = given.stage();
    this.subjectType = given.subject().type();
    this.subjectId = given.subject().id();
    this.subjectCode = given.subject().code();
    this.round = given.round();
    this.step = given.step();
    this.stepName = given.stepName();
    this.actor = given.actor();
    this.actorRole = given.actorRole();
    this.decision = given.decision();
    this.comment = given.comment();
    this.scores = given.scores();
    this.conclusion = given.conclusion();
    this.givenAt = givenAt;
  }

  public Long getId() {
    return id;
  }

  public Stage getStage() {
    return stage;
  }

  public SubjectType getSubjectType() {
    return subjectType;
  }

  public Long getSubjectId() {
    return subjectId;
  }

  public String getSubjectCode() {
    return subjectCode;
  }

  public Integer getRound() {
    return round;
  }

  public String getStep() {
    return step;
  }

  public String getStepName() {
    return stepName;
  }

  public String getActor() {
    return actor;
  }

  public String getActorRole() {
    return actorRole;
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
