package org.jixiao.goal;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jixiao.identity.TaskActors;
import org.jixiao.stage.FormValues;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task listeners of goal review and adjustment. On complete they store what the form gave (the goals, or
 * an opinion) and remove those variables, so the next round starts empty; a refusal leaves the task open
 * with a Chinese message and stores nothing.
 */
@Configuration
class GoalListeners {

  private static final Set<ReviewDecision> REVIEW = EnumSet.of(ReviewDecision.APPROVE, ReviewDecision.RETURN);
  private static final Set<ReviewDecision> ADJUSTMENT_REVIEW = EnumSet.of(ReviewDecision.APPROVE, ReviewDecision.REJECT);

  /** 编制绩效目标（一上）, 修改绩效目标（二上）: the goals (a JSON value) and a note on what changed */
  @Bean
  TaskListener submitGoalsListener(GoalReviews reviews, GoalDraftVariable goalDraft) {
    return task -> {
      reviews.submit(code(task), goalDraft.read(task),
          opinion(task, ReviewDecision.SUBMIT_GOALS, GoalReviewProcess.VAR_REVISION_NOTE));
      task.getExecution().removeVariable(GoalReviewProcess.VAR_GOAL_DRAFT);
      task.getExecution().removeVariable(GoalReviewProcess.VAR_REVISION_NOTE);
    };
  }

  /** 主管部门初审, 财政评审批复: pass or return; a return needs the reasons */
  @Bean
  TaskListener recordGoalReviewListener(GoalReviews reviews) {
    return task -> reviews.review(code(task), decided(task, REVIEW, "请选择审核结论：通过或退回修改"));
  }

  /** 财政反馈审核意见（一下）: the opinions the unit revises against; they must be written */
  @Bean
  TaskListener recordFinanceFeedbackListener(GoalReviews reviews) {
    return task -> {
      if (FormValues.text(task.getVariable(GoalReviewProcess.VAR_REVIEW_COMMENT)) == null) {
        throw new InvalidInputException("请填写反馈给单位的审核意见（一下）");
      }
      reviews.review(code(task), opinion(task, ReviewDecision.FEEDBACK, GoalReviewProcess.VAR_REVIEW_COMMENT));
      task.getExecution().removeVariable(GoalReviewProcess.VAR_REVIEW_COMMENT);
    };
  }

  /** 绩效目标抽审: confirm the approved goals or reopen them; the service tasks act on the decision */
  @Bean
  TaskListener recordSpotCheckListener(GoalReviews reviews) {
    return task -> reviews.note(code(task), decided(task, REVIEW, "请选择抽审结论：通过或退回修改"));
  }

  /** 财政重新审定 of an adjustment: approve or refuse */
  @Bean
  TaskListener recordAdjustmentReviewListener(GoalReviews reviews) {
    return task -> reviews.note(code(task), decided(task, ADJUSTMENT_REVIEW, "请选择审定结论：同意调整或不予调整"));
  }

  /** 督办超期事项: the finance performance section's note on an overdue step it followed up */
  @Bean
  TaskListener recordGoalSupervisionListener(GoalReviews reviews) {
    return task -> {
      reviews.note(code(task), opinion(task, ReviewDecision.SUPERVISE, GoalReviewProcess.VAR_SUPERVISION_NOTE));
      task.getExecution().removeVariable(GoalReviewProcess.VAR_SUPERVISION_NOTE);
    };
  }

  /**
   * The reviewer's opinion from the form: a decision out of {@code allowed} (else the message), with the
   * comment a return or refusal must have. The comment variable is removed: the next round starts empty;
   * the decision stays for the gateway.
   */
  private static GoalOpinion decided(DelegateTask task, Set<ReviewDecision> allowed, String message) {
    GoalOpinion opinion = opinion(task, decision(task, allowed, message), GoalReviewProcess.VAR_REVIEW_COMMENT);
    task.getExecution().removeVariable(GoalReviewProcess.VAR_REVIEW_COMMENT);
    return opinion;
  }

  private static ReviewDecision decision(DelegateTask task, Set<ReviewDecision> allowed, String message) {
    ReviewDecision decision = FormValues.decision(task.getVariable(GoalReviewProcess.VAR_REVIEW_DECISION));
    if (decision == null || !allowed.contains(decision)) {
      throw new InvalidInputException(message);
    }
    if (decision != ReviewDecision.APPROVE && FormValues.text(task.getVariable(GoalReviewProcess.VAR_REVIEW_COMMENT)) == null) {
      throw new InvalidInputException("退回或不予通过时，请写明意见，供单位修改");
    }
    return decision;
  }

  private static GoalOpinion opinion(DelegateTask task, ReviewDecision decision, String commentVariable) {
    return new GoalOpinion(task.getTaskDefinitionKey(), task.getName(), TaskActors.user(task),
        TaskActors.role(task), decision, FormValues.text(task.getVariable(commentVariable)));
  }

  private static String code(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

}
