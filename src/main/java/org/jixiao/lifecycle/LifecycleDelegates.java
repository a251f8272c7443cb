package org.jixiao.lifecycle;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the project-year lifecycle: one delegate each, named after the task. */
@Configuration
class LifecycleDelegates {

  /** 开启绩效目标编制 (Task_OpenGoalSetting): the goal set whose review the lifecycle calls next */
  @Bean
  JavaDelegate openGoalSettingDelegate(ProjectYearService lifecycle) {
    return execution -> execution.setVariable(ProjectYearProcess.VAR_GOAL_SET_CODE,
        lifecycle.openGoalSetting(execution.getProcessBusinessKey()));
  }

  /** 登记目标批复 (Task_RecordGoalsApproved) */
  @Bean
  JavaDelegate recordGoalsApprovedDelegate(ProjectYearService lifecycle) {
    return execution -> lifecycle.goalsApproved(execution.getProcessBusinessKey());
  }
}
