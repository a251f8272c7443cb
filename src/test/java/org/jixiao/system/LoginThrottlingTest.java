package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins are throttled per source (the forwarded client address: the tests come from 127.0.0.1, a
 * trusted proxy), on every login door, and never lock a named user: Camunda's own per-user lock is off.
 * Each test uses source addresses of its own, since the test application is shared.
 */
@PlatformTest
class LoginThrottlingTest {

  static final String USER = "throttle-victim";
  static final String PASSWORD = "Budget#2026season";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired LoginThrottleProperties properties;
  @Autowired ObjectMapper json;

  @BeforeEach
  void aReviewerWithAnAccount() {
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      User user = identityService.newUser(USER);
      user.setFirstName("评审");
      user.setLastName("人员");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
  }

  @Test
  void afterTooManyFailuresASourceGets429WithARetryTimeWithoutThePasswordBeingChecked() throws Exception {
    String source = "203.0.113.10";
    for (int i = 0; i < properties.maxFailures(); i++) {
      assertThat(basic(source, USER, "wrong-" + i).getStatusCode().value()).isEqualTo(401);
    }
    int attemptsBefore = attempts(USER);

    for (String password : new String[] {"wrong-again", PASSWORD}) {
      ResponseEntity<String> refused = basic(source, USER, password);

      assertThat(refused.getStatusCode().value()).isEqualTo(429);
      JsonNode body = json.readTree(refused.getBody());
      assertThat(body.get("type").asText()).isEqualTo("TooManyRequests");
      assertThat(body.get("status").asInt()).isEqualTo(429);
      long seconds = body.get("retryAfterSeconds").asLong();
      assertThat(seconds).isBetween(1L, properties.window().toSeconds());
      assertThat(body.get("message").asText()).isEqualTo("登录失败次数过多，请在 " + seconds + " 秒后重试");
      assertThat(body.get("retryAt").asText()).isNotBlank();
      assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString(seconds));
    }
    assertThat(attempts(USER)).as("the engine never saw the refused attempts").isEqualTo(attemptsBefore);
  }

  @Test
  void failuresFromElsewhereNeverKeepTheUserOut() {
    // three times Camunda's default limit (10 wrong passwords lock an account for good), from three sources
    for (String source : new String[] {"203.0.113.21", "203.0.113.22", "203.0.113.23"}) {
      for (int i = 0; i < properties.maxFailures(); i++) {
        basic(source, USER, "guess-" + i);
      }
      assertThat(basic(source, USER, "guess").getStatusCode().value()).isEqualTo(429);
    }
    assertThat(attempts(USER)).as("wrong passwords tried").isGreaterThanOrEqualTo(30);

    assertThat(basic("198.51.100.20", USER, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(new WebappLogin(http).from("198.51.100.20").login("tasklist", USER, PASSWORD)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(http.withBasicAuth(USER, PASSWORD).getForEntity("/api/projects?district=qijiang", String.class)
        .getStatusCode().value()).as("from this machine too").isNotIn(401, 429);
    assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();
  }

  @Test
  void theWebappLoginFormIsThrottledAndCountsWithBasicFailures() throws Exception {
    String source = "203.0.113.30";
    for (int i = 0; i < properties.maxFailures(); i++) {
      ResponseEntity<String> failed = i % 2 == 0
          ? new WebappLogin(http).from(source).login("tasklist", USER, "wrong")
          : basic(source, USER, "wrong");
      assertThat(failed.getStatusCode().value()).isEqualTo(401);
    }

    ResponseEntity<String> refused = new WebappLogin(http).from(source).login("tasklist", USER, PASSWORD);

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    JsonNode body = json.readTree(refused.getBody());
    assertThat(body.get("type").asText()).isEqualTo("TooManyRequests");
    assertThat(body.get("message").asText()).startsWith("登录失败次数过多，请在 ");
    assertThat(basic(source, USER, PASSWORD).getStatusCode().value()).isEqualTo(429);
    assertThat(basic(source, "qijiang-edu", "demo").getStatusCode().value()).as("whoever logs in from there")
        .isEqualTo(429);
  }

  @Test
  void requestsWithoutAPasswordAndSuccessfulLoginsAreNotCounted() {
    String source = "203.0.113.40";
    for (int i = 0; i < properties.maxFailures() + 5; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.add("X-Forwarded-For", source);
      assertThat(http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class)
          .getStatusCode().value()).isEqualTo(401);
      assertThat(basic(source, USER, PASSWORD).getStatusCode().value()).isEqualTo(200);
    }
  }

  private ResponseEntity<String> basic(String source, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Forwarded-For", source);
    headers.setBasicAuth(user, password);
    return http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Camunda's count of wrong passwords for the user (it would lock at loginMaxAttempts). */
  private int attempts(String user) {
    return jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, user);
  }
}
