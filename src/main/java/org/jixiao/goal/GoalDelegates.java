package org.jixiao.goal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jixiao.identity.TaskActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service and business rule tasks of goal review and adjustment: one delegate each, named after the task. */
@Configuration
class GoalDelegates {

  /** 开始编制绩效目标 (StartEvent_GoalSettingOpened, start listener): the goal set records its review instance */
  @Bean
  ExecutionListener goalReviewStartedListener(GoalSetting setting) {
    return execution -> setting.reviewStarted(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }

  /** 读取目标审核设置 (Task_EvaluateGoalReviewSettings): the district's table → rounds, 抽审 rate, durations */
  @Bean
  JavaDelegate evaluateGoalReviewSettingsDelegate(GoalReviews reviews) {
    return execution -> execution.setVariables(reviews.settings(execution.getProcessBusinessKey()));
  }

  /** 进入财政审核轮次 (Task_StartFinanceRound) */
  @Bean
  JavaDelegate startFinanceRoundDelegate(GoalReviews reviews) {
    return execution -> execution.setVariables(reviews.startFinanceRound(execution.getProcessBusinessKey(),
        GoalReviewData.of(execution).financeRounds()));
  }

  /** 批复绩效目标 (Task_ApproveGoals) */
  @Bean
  JavaDelegate approveGoalsDelegate(GoalReviews reviews) {
    return execution -> reviews.approve(execution.getProcessBusinessKey());
  }

  /** 重新打开目标 (Task_ReopenGoals) */
  @Bean
  JavaDelegate reopenGoalsDelegate(GoalReviews reviews) {
    return execution -> execution.setVariables(reviews.reopen(execution.getProcessBusinessKey()));
  }

  /** 登记调整申请 (Task_RegisterGoalAdjustment): the request becomes a version; the form's goals and reason go */
  @Bean
  JavaDelegate registerGoalAdjustmentDelegate(GoalAdjustments adjustments, GoalDraftVariable goalDraft) {
    return execution -> {
      GoalReviewData data = GoalReviewData.of(execution);
      Map<String, Object> registered = adjustments.registerAdjustment(data.requestedGoalSetCode().orElse(null),
          goalDraft.read(execution), data.adjustmentReason().orElse(null),
          TaskActors.user(execution, data.applicant().orElse(null)), execution.getProcessInstanceId());
      execution.setVariables(registered);
      execution.removeVariable(GoalReviewProcess.VAR_GOAL_DRAFT);
      execution.removeVariable(GoalReviewProcess.VAR_ADJUSTMENT_REASON);
      execution.setProcessBusinessKey((String) registered.get(GoalReviewProcess.VAR_GOAL_SET_CODE));
    };
  }

  /** 抽取抽审样本 (Task_DrawGoalSample): the draw in the process's district, as the finance user who started it */
  @Bean
  JavaDelegate drawGoalSampleDelegate(GoalSampling sampling) {
    return execution -> {
      GoalReviewData data = GoalReviewData.of(execution);
      execution.setVariables(sampling.drawAs(execution.getTenantId(), data.budgetYear(), data.sampleSeed(),
          TaskActors.user(execution, data.applicant().orElse(null))));
    };
  }

  /** 重新审定批复 (Task_ApproveGoalAdjustment) */
  @Bean
  JavaDelegate approveGoalAdjustmentDelegate(GoalAdjustments adjustments) {
    return execution -> adjustments.approveAdjustment(execution.getProcessBusinessKey());
  }

  /** 不予调整 (Task_RefuseGoalAdjustment) */
  @Bean
  JavaDelegate refuseGoalAdjustmentDelegate(GoalAdjustments adjustments) {
    return execution -> adjustments.refuseAdjustment(execution.getProcessBusinessKey());
  }
}
