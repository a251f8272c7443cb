package org.jixiao.monitoring;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service and business rule tasks of execution monitoring: one delegate each, named after the task. */
@Configuration
class MonitoringDelegates {

  /** 目标已批复，开始运行监控 (StartEvent_MonitoringStarted, start listener): the record knows its instance */
  @Bean
  ExecutionListener monitoringStartedListener(MonitoringSetup setup) {
    return execution -> {
      MonitoringData data = MonitoringData.of(execution);
      setup.started(data.projectCode(), data.budgetYear(), execution.getProcessInstanceId());
    };
  }

  /** 排定下一轮监控 (Task_ScheduleNextRound) */
  @Bean
  JavaDelegate scheduleNextRoundDelegate(MonitoringRounds rounds) {
    return execution -> {
      MonitoringData data = MonitoringData.of(execution);
      execution.setVariables(rounds.scheduleNextRound(data.projectCode(), data.budgetYear()));
    };
  }

  /** 开启本轮监控 (Task_OpenRound) */
  @Bean
  JavaDelegate openRoundDelegate(MonitoringRounds rounds) {
    return execution -> {
      MonitoringData data = MonitoringData.of(execution);
      execution.setVariables(rounds.openRound(data.projectCode(), data.budgetYear(), execution.getProcessInstanceId()));
    };
  }

  /** 研判红黄灯 (Task_EvaluateWarningLight) */
  @Bean
  JavaDelegate evaluateWarningLightDelegate(MonitoringRounds rounds) {
    return execution -> execution.setVariables(rounds.evaluateLight(MonitoringData.of(execution).reportId()));
  }

  /** 完成本轮监控 (Task_CloseRound) */
  @Bean
  JavaDelegate closeRoundDelegate(MonitoringRounds rounds) {
    return execution -> rounds.closeRound(MonitoringData.of(execution).reportId());
  }

  /** 止损，结束后续监控 (Task_EndMonitoringOnStop) */
  @Bean
  JavaDelegate endMonitoringOnStopDelegate(MonitoringRounds rounds) {
    return execution -> execution.setVariables(rounds.endOnStop(MonitoringData.of(execution).reportId()));
  }
}
