package org.jixiao.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;

/** Who acts on a task being completed, for the opinion records of every process. */
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

  /** The role the task was offered to: its candidate role group, or the budget unit for department tasks. */
  public static String role(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null && Role.ofGroup(g).isPresent())
        .findFirst()
        .orElse(Role.BUDGET_UNIT.groupId());
  }
}
