package org.jixiao.stage;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the trusted task mechanism: the marking filter on the engine's REST surfaces and the engine plugin
 * that puts {@link TaskGuard} in front of every command.
 */
@Configuration
class TrustedTasksConfiguration {

  private final TaskGuard guard = new TaskGuard();

  @Bean
  static FilterRegistrationBean<EngineRestCalls> engineRestCallsFilter() {
    FilterRegistrationBean<EngineRestCalls> registration = new FilterRegistrationBean<>(new EngineRestCalls());
    registration.addUrlPatterns(EngineRestCalls.PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  EngineCommands.Plugin taskGuardPlugin() {
    return new EngineCommands.Plugin(guard);
  }

  /** The declared inputs of every deployed task and start form. */
  @Bean
  TaskInputs taskInputs(RepositoryService repositoryService) {
    return new TaskInputs(repositoryService);
  }
}
