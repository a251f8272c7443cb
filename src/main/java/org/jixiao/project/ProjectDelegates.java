package org.jixiao.project;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the ex-ante process: one delegate each, named after the task. */
@Configuration
class ProjectDelegates {

  /** 登记入库 (Task_ListProject) */
  @Bean
  JavaDelegate listProjectDelegate(ProjectService projects) {
    return execution -> projects.list(execution.getProcessBusinessKey());
  }

  /** 不予入库 (Task_RejectProject) */
  @Bean
  JavaDelegate rejectProjectDelegate(ProjectService projects) {
    return execution -> projects.reject(execution.getProcessBusinessKey());
  }
}
