package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Metrics and telemetry count every district, so only administrators read them: on /engine-rest, the
 * actuator (all but health and info) and the same engine resources inside the webapps.
 */
@PlatformTest
class AdministratorOnlyTest {

  static final List<String> REST = List.of("/engine-rest/metrics", "/engine-rest/metrics/activity-instance-start/sum",
      "/engine-rest/telemetry/data", "/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used");

  static final List<String> WEBAPP = List.of(
      "/camunda/api/engine/engine/default/metrics",
      "/camunda/api/engine/engine/default/metrics/activity-instance-start/sum",
      "/camunda/api/engine/engine/default/telemetry/data",
      "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated?subscriptionStartDate=2026-01-01&groupBy=month&metrics=process-instances",
      "/engine-rest/metrics/activity-instance-start/sum", "/actuator/metrics");

  @Autowired TestRestTemplate http;

  @Test
  void aBudgetUnitAndAFinanceReviewerGet403OnTheRestDoors() {
    for (String user : List.of("qijiang-edu", "qijiang-perf")) {
      for (String path : REST) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);

        assertThat(response.getStatusCode().value()).as("%s %s", user, path).isEqualTo(403);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(403);
        assertThat(response.getBody().get("message").asText()).contains("权限");
        assertThat(response.getBody().has("result") || response.getBody().has("names")
            || response.getBody().has("measurements")).as("no figures").isFalse();
      }
      ResponseEntity<JsonNode> verify = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/identity/verify",
          Map.of("username", "demo", "password", "demo"), JsonNode.class);
      assertThat(verify.getStatusCode().value()).as("trying another user's password").isEqualTo(403);
    }
  }

  @Test
  void theAdministratorReadsThem() {
    for (String path : REST) {
      assertThat(http.withBasicAuth("demo", "demo").getForEntity(path, String.class).getStatusCode().value())
          .as(path).isEqualTo(200);
    }
  }

  @Test
  void healthAndInfoStayPublic() {
    for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/info")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(200);
    }
  }

  @Test
  void withoutLoginTheyAre401() {
    assertThat(http.getForEntity("/engine-rest/metrics", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aWebappLoginOfABudgetUnitGets403AndTheAdministratorsGets200() {
    WebappLogin unit = new WebappLogin(http);
    assertThat(unit.login("tasklist", "qijiang-edu", "demo").getStatusCode().value()).isEqualTo(200);
    WebappLogin reviewer = new WebappLogin(http);
    assertThat(reviewer.login("cockpit", "qijiang-perf", "demo").getStatusCode().value()).isEqualTo(200);
    WebappLogin admin = new WebappLogin(http);
    assertThat(admin.login("admin", "demo", "demo").getStatusCode().value()).isEqualTo(200);

    for (String path : WEBAPP) {
      for (WebappLogin other : List.of(unit, reviewer)) {
        ResponseEntity<JsonNode> refused = other.exchange(HttpMethod.GET, path, null, JsonNode.class);
        assertThat(refused.getStatusCode().value()).as(path).isEqualTo(403);
        assertThat(refused.getBody().get("status").asInt()).isEqualTo(403);
        assertThat(refused.getBody().get("message").asText()).contains("权限");
      }
      assertThat(admin.exchange(HttpMethod.GET, path, null, String.class).getStatusCode().value()).as(path)
          .isEqualTo(200);
    }
  }
}
