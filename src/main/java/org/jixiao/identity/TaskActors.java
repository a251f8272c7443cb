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

  /**
   * The role the task was offered to: its candidate role group; the supervisor for a task offered to the
   * unit's 主管部门 (the group the process holds in {@link Departments#VAR_SUPERVISING_DEPARTMENT_GROUP}); else
   * the budget unit for department tasks.
   */
  public static String role(DelegateTask task) {
    Object supervising = task.getVariable(Departments.VAR_SUPERVISING_DEPARTMENT_GROUP);
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null && (Role.ofGroup(g).isPresent() || g.equals(supervising)))
        .map(g -> g.equals(supervising) ? Role.SUPERVISING_DEPARTMENT.groupId() : g)
        .findFirst()
        .orElse(Role.BUDGET_UNIT.groupId());
  }
}
