package org.jixiao.district;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.jixiao.JixiaoApplication;
import org.jixiao.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A district administrator's Modeler deployment and a restart on the same H2 file database: the start-up
 * deployer finds the folder unchanged, so the Modeler's version stays the latest and nothing is deployed twice.
 */
@org.junit.jupiter.api.Tag(org.jixiao.OwnEngine.TAG)
class ModelerDeploymentRestartTest {

  private static final String ADMIN = "qj-modeler";
  private static final String PASSWORD = "Kw9-Modeler#deploy";

  @TempDir Path data;

  @Test
  void aModelerDeploymentSurvivesTheNextStartAndIsNotDuplicated() throws IOException {
    String modelerDeployment;
    long[] before;
    try (ConfigurableApplicationContext app = start()) {
      createDistrictAdministrator(app.getBean(IdentityService.class));

      ResponseEntity<JsonNode> deployed = deploy(app, loweredThreshold());

      assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
      modelerDeployment = deployed.getBody().get("id").asText();
      assertThat(latestRules(app).getDeploymentId()).isEqualTo(modelerDeployment);
      assertThat(latestRules(app).getVersion()).isEqualTo(2);
      before = counts(app);
    }

    try (ConfigurableApplicationContext app = start()) {
      RepositoryService repository = app.getBean(RepositoryService.class);

      assertThat(counts(app)).as("deployments, process and decision definitions after the restart")
          .containsExactly(before);
      assertThat(latestRules(app).getDeploymentId()).as("the Modeler's version is still the latest")
          .isEqualTo(modelerDeployment);
      assertThat(latestRules(app).getVersion()).isEqualTo(2);
      assertThat(repository.createDeploymentQuery().deploymentName(DistrictModelDeployer.deploymentName("qijiang"))
          .count()).as("the folder's deployment is not repeated").isOne();
      assertThat(repository.createDeploymentQuery().deploymentName("qijiang-threshold").count()).isOne();
    }
  }

  private static void createDistrictAdministrator(IdentityService identity) {
    User user = identity.newUser(ADMIN);
    user.setFirstName("綦江区管理员");
    user.setLastName("辖区管理员");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(ADMIN, Role.DISTRICT_ADMINISTRATOR.groupId());
    identity.createTenantUserMembership("qijiang", ADMIN);
  }

  private static ResponseEntity<JsonNode> deploy(ConfigurableApplicationContext app, byte[] dmn) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "qijiang-threshold");
    form.add("deployment-source", "Camunda Modeler");
    form.add("tenant-id", "qijiang");
    form.add("ex-ante-rules.dmn", new ByteArrayResource(dmn) {
      @Override
      public String getFilename() {
        return "ex-ante-rules.dmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    String url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port")
        + "/engine-rest/deployment/create";
    return new TestRestTemplate(ADMIN, PASSWORD).postForEntity(url, new HttpEntity<>(form, headers), JsonNode.class);
  }

  private static DecisionDefinition latestRules(ConfigurableApplicationContext app) {
    return app.getBean(RepositoryService.class).createDecisionDefinitionQuery()
        .decisionDefinitionKey("Decision_ExAnteRules").tenantIdIn("qijiang").latestVersion().singleResult();
  }

  private static long[] counts(ConfigurableApplicationContext app) {
    RepositoryService repository = app.getBean(RepositoryService.class);
    return new long[] {repository.createDeploymentQuery().count(),
        repository.createProcessDefinitionQuery().count(), repository.createDecisionDefinitionQuery().count()};
  }

  private static byte[] loweredThreshold() throws IOException {
    return Files.readString(Path.of("processes/districts/qijiang/ex-ante-rules.dmn"), StandardCharsets.UTF_8)
        .replace("&gt;= 5000000", "&gt;= 4000000").getBytes(StandardCharsets.UTF_8);
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(JixiaoApplication.class)
        .profiles("test")
        // command-line arguments, so that they win over application-test.yaml's in-memory database
        .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("jixiao").toAbsolutePath() + ";MODE=LEGACY",
            "--server.port=0", "--camunda.bpm.process-engine-name=modeler-restart-test");
  }
}
