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

  /** 开启运行监控 (Task_OpenMonitoring): the monitoring the lifecycle calls next */
  @Bean
  JavaDelegate openMonitoringDelegate(ProjectYearService lifecycle) {
    return execution -> execution.setVariable(ProjectYearProcess.VAR_MONITORING_CODE,
        lifecycle.openMonitoring(execution.getProcessBusinessKey()));
  }

  /** 登记运行监控结束 (Task_RecordMonitoringEnded) */
  @Bean
  JavaDelegate recordMonitoringEndedDelegate(ProjectYearService lifecycle) {
    return execution -> lifecycle.monitoringEnded(execution.getProcessBusinessKey());
  }

  /** 登记项目止损 (Task_RecordProjectStopped) */
  @Bean
  JavaDelegate recordProjectStoppedDelegate(ProjectYearService lifecycle) {
    return execution -> lifecycle.projectStopped(execution.getProcessBusinessKey());
  }
}
