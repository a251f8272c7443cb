package org.jixiao.lifecycle;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jixiao.goal.GoalSetting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans that only instances started before the stage kit and the project-year lifecycle still name: they run
 * on the model versions they started with, which had a due-date listener on every task, hand-drawn 催办
 * timers, and an ex-ante model that opened goal setting itself. New versions name none of these. Remove this
 * class once Cockpit shows no running instance of those versions (ex-ante assessment, goal review and
 * adjustment deployed before the lifecycle).
 */
@Configuration
class PreLifecycleInstances {

  /** Due and follow-up dates now come to every task from the stage kit's TaskDeadlineListener. */
  @Bean
  TaskListener setDueDateListener() {
    return task -> { };
  }

  /** 催办 now comes from the stage kit's deadline watch, which covers these instances' tasks too. */
  @Bean
  JavaDelegate remindAssigneeDelegate() {
    return execution -> { };
  }

  /** 发起绩效目标编制 of the old ex-ante model: goal setting with its own goal review, as before the lifecycle. */
  @Bean
  JavaDelegate startGoalSettingDelegate(GoalSetting setting) {
    return execution -> setting.openWithReviewForListedProject(execution.getProcessBusinessKey());
  }
}
