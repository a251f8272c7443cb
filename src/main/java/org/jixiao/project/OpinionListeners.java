package org.jixiao.project;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.jixiao.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task listeners that write the opinion of a completed task into the project's history: the reviewer's
 * conclusion ({@code recordReviewOpinionListener}) or the applicant's resubmission
 * ({@code recordResubmissionListener}). Referenced from BPMN as {@code ${...}} on the complete event.
 */
@Configuration
class OpinionListeners {

  @Bean
  TaskListener recordReviewOpinionListener(ProjectService projects) {
    return task -> {
      Object decision = task.getVariable(ExAnteProcess.VAR_REVIEW_DECISION);
      ReviewDecision parsed = decision == null ? null : parse(decision.toString());
      if (parsed == null || parsed == ReviewDecision.RESUBMIT) {
        throw new IllegalArgumentException("请选择审核结论：通过、退回修改或不予通过");
      }
      record(projects, task, parsed, ExAnteProcess.VAR_REVIEW_COMMENT);
    };
  }

  @Bean
  TaskListener recordResubmissionListener(ProjectService projects) {
    return task -> record(projects, task, ReviewDecision.RESUBMIT, ExAnteProcess.VAR_REVISION_NOTE);
  }

  private static void record(ProjectService projects, DelegateTask task, ReviewDecision decision,
      String commentVariable) {
    Object comment = task.getVariable(commentVariable);
    projects.recordOpinion(task.getExecution().getProcessBusinessKey(), new ProjectService.OpinionGiven(
        task.getTaskDefinitionKey(), task.getName(), actingUser(task), actingRole(task), decision,
        comment == null || comment.toString().isBlank() ? null : comment.toString().strip()));
    // the opinion now lives in the project's history; the next round starts with an empty comment
    task.getExecution().removeVariable(commentVariable);
  }

  private static ReviewDecision parse(String value) {
    try {
      return ReviewDecision.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The user completing the task: the engine's current authentication, else the assignee. */
  private static String actingUser(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }

  /** The role the task was offered to: its candidate role group, or the budget unit for department tasks. */
  private static String actingRole(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null && Role.ofGroup(g).isPresent())
        .findFirst()
        .orElse(Role.BUDGET_UNIT.groupId());
  }
}
