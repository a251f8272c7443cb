package org.jixiao.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;

/** Who acts on a task being completed or a process being started, for the records of every process. */
public final class TaskActors {

  private TaskActors() {}

  /** The user completing the task: the engine's current authentication, else the assignee, else "system". */
  public static String user(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }

  /**
   * Who started or moves an execution: the engine's authenticated user (Tasklist, /engine-rest), else — only
   * for calls our own services make without an engine login — the user they name. A form variable can
   * therefore never speak for someone else.
   */
  public static String user(DelegateExecution execution, String namedByService) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return namedByService;
  }

  /** The role the task was offered to: its candidate role group, or the budget unit for department tasks. */
  public static String role(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null && Role.ofGroup(g).isPresent())
        .findFirst()
        .orElse(Role.BUDGET_UNIT.groupId());
  }
}
