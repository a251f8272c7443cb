package org.jixiao.stage;

import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;

/** A task as stored, as far as the guard compares it with what a caller sends. */
record TaskState(String id, String name, String taskDefinitionKey, String processDefinitionId,
    String processInstanceId, String assignee, String owner, int priority, Date dueDate, Date followUpDate,
    String description, DelegationState delegationState, String parentTaskId) {

  static TaskState of(Task task) {
    return new TaskState(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(),
        task.getProcessInstanceId(), task.getAssignee(), task.getOwner(), task.getPriority(), task.getDueDate(),
        task.getFollowUpDate(), task.getDescription(), task.getDelegationState(), task.getParentTaskId());
  }

  /** Whether {@code changed} (the same task as a caller would save it) differs in anything a caller may not change. */
  boolean differsFrom(Task changed) {
    return !Objects.equals(assignee, changed.getAssignee()) || !Objects.equals(owner, changed.getOwner())
        || priority != changed.getPriority() || !sameTime(dueDate, changed.getDueDate())
        || !sameTime(followUpDate, changed.getFollowUpDate()) || !Objects.equals(name, changed.getName())
        || !Objects.equals(description, changed.getDescription())
        || !Objects.equals(delegationState, changed.getDelegationState())
        || !Objects.equals(parentTaskId, changed.getParentTaskId());
  }

  private static boolean sameTime(Date a, Date b) {
    return a == null ? b == null : b != null && a.getTime() == b.getTime();
  }
}
