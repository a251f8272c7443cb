package org.jixiao.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.jixiao.JixiaoApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two real starts of the application on one H2 file database: the second deploys nothing new. */
@org.junit.jupiter.api.Tag(org.jixiao.OwnEngine.TAG)
class RestartTest {

  /**
   * A second engine in this JVM must not take the name "default": Camunda's static engine registry would
   * hand it to the REST API and webapps of the shared test application, and drop it when this one closes.
   */
  static final String ENGINE_NAME = "--camunda.bpm.process-engine-name=restart-test";

  @TempDir Path data;

  @Test
  void restartingWithUnchangedFilesAddsNoVersions() {
    long[] first = startCountAndStop();
    long[] second = startCountAndStop();

    // five districts, each with the seven shared processes: the project-year lifecycle, ex-ante assessment,
    // goal review, goal adjustment, the 抽审 draw, execution monitoring, the deadline watch
    assertThat(first[0]).as("process definitions after the first start").isEqualTo(5 * 7);
    assertThat(first[1]).as("tenants after the first start").isEqualTo(5);
    assertThat(second).as("definitions, tenants, deployments after a restart").containsExactly(first);
  }

  private long[] startCountAndStop() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JixiaoApplication.class)
        .profiles("test")
        // command-line arguments, so that they win over application-test.yaml's in-memory database
        .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("jixiao").toAbsolutePath() + ";MODE=LEGACY",
            "--server.port=0", ENGINE_NAME)) {
      assertThat(app.getEnvironment().getProperty("spring.datasource.url")).contains("h2:file:");
      RepositoryService repository = app.getBean(RepositoryService.class);
      return new long[] {
          repository.createProcessDefinitionQuery().count(),
          app.getBean(org.camunda.bpm.engine.IdentityService.class).createTenantQuery().count(),
          repository.createDeploymentQuery().count()};
    }
  }
}
