package org.jixiao.stage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** That a task was reminded or escalated, and when; unique per task and kind (table task_deadline). */
@Entity
@Table(name = "task_deadline")
public class TaskDeadline {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String taskId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private DeadlineKind kind;

  @Column(updatable = false)
  private String tenantId;

  @Column(updatable = false)
  private String processInstanceId;

  @Column(updatable = false)
  private String taskDefinitionKey;

  @Column(updatable = false)
  private String taskName;

  /** The follow-up date (reminder) or due date (escalation) that had passed. */
  @Column(nullable = false, updatable = false)
  private OffsetDateTime deadline;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime actedAt;

  protected TaskDeadline() {}

  TaskDeadline(String taskId, DeadlineKind kind, String tenantId, String processInstanceId, String taskDefinitionKey,
      String taskName, OffsetDateTime deadline, OffsetDateTime actedAt) {
    this.taskId = taskId;
    this.kind = kind;
    this.tenantId = tenantId;
    this.processInstanceId = processInstanceId;
    this.taskDefinitionKey = taskDefinitionKey;
    this.taskName = taskName;
    this.deadline = deadline;
    this.actedAt = actedAt;
  }

  public String getTaskId() {
    return taskId;
  }

  public DeadlineKind getKind() {
    return kind;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getTaskDefinitionKey() {
    return taskDefinitionKey;
  }

  public String getTaskName() {
    return taskName;
  }

  public OffsetDateTime getDeadline() {
    return deadline;
  }

  public OffsetDateTime getActedAt() {
    return actedAt;
  }
}
