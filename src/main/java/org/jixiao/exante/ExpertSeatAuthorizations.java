package org.jixiao.exante;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 独立论证: the seat of 专家论证 gives its expert the task (read and work) but not the engine's history grant
 * on it. With historic instance permissions the engine lets whoever may read one task's history read every
 * historic variable and detail of the task's instance, the other seats' votes included. An expert reads the
 * votes through the opinion record, which screens them until the panel is closed ({@link ExpertVoteScreen}).
 * Every other task keeps the engine's grants.
 */
@Configuration
class ExpertSeatAuthorizations {

  @Bean
  AbstractProcessEnginePlugin expertSeatAuthorizationPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
      }
    };
  }

  static final class Provider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String userId, String groupId) {
      AuthorizationEntity[] grants = super.createOrUpdateAuthorizations(task, userId, groupId);
      if (!ExAnteProcess.TASK_EXPERT_REVIEW.equals(task.getTaskDefinitionKey())) {
        return grants;
      }
      return Arrays.stream(grants)
          .filter(g -> g == null || g.getResourceType() != Resources.HISTORIC_TASK.resourceType())
          .toArray(AuthorizationEntity[]::new);
    }
  }
}
