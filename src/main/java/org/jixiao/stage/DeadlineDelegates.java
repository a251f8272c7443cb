package org.jixiao.stage;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of the deadline watch process (processes/deadline-watch.bpmn). */
@Configuration
class DeadlineDelegates {

  /** 催办与超期督办 (Task_WatchDeadlines): the district's open tasks, in the watch's tenant */
  @Bean
  JavaDelegate watchDeadlinesDelegate(DeadlineWatch watch) {
    return execution -> {
      DeadlineWatch.Result result = watch.watchDistrict(execution.getTenantId());
      execution.setVariable(Deadlines.VAR_REMINDED_TASKS, result.reminded());
      execution.setVariable(Deadlines.VAR_ESCALATED_TASKS, result.escalated());
    };
  }
}
