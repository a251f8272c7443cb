package org.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Camunda's built-in password policy, with Chinese refusals on /engine-rest and in the Admin webapp: even an
 * administrator cannot give anyone the password "1". (The demo users keep their documented "demo".)
 */
@PlatformTest
class PasswordPolicyTest {

  static final String STRONG = "Jixiao#2026budget";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @Test
  void creatingAUserWithAWeakPasswordIs400InChineseAndCreatesNothing() {
    ResponseEntity<JsonNode> response = admin().postForEntity("/engine-rest/user/create", newUser("pw-weak", "1"),
        JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("type").asText()).isEqualTo("BadRequest");
    assertThat(response.getBody().get("message").asText())
        .startsWith("密码不符合要求：").contains("至少 10 个字符", "至少 1 个大写字母", "至少 1 个特殊字符");
    assertThat(response.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("password");
    assertThat(identityService.createUserQuery().userId("pw-weak").count()).isZero();
  }

  @Test
  void aPasswordWithTheUsersOwnNameIsRefused() {
    ResponseEntity<JsonNode> response = admin().postForEntity("/engine-rest/user/create",
        newUser("wangfang", "Wangfang#2026x"), JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText()).isEqualTo("密码不符合要求：不得包含用户名、姓名或邮箱");
    assertThat(identityService.createUserQuery().userId("wangfang").count()).isZero();
  }

  @Test
  void aStrongPasswordIsAccepted() {
    ResponseEntity<String> response = admin().postForEntity("/engine-rest/user/create", newUser("pw-strong", STRONG),
        String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(204);
    assertThat(identityService.checkPassword("pw-strong", STRONG)).isTrue();
  }

  @Test
  void changingAPasswordToAWeakOneIs400AndTheOldOneStillWorks() {
    ensureUser("pw-change", STRONG);

    ResponseEntity<JsonNode> byAdmin = admin().exchange("/engine-rest/user/pw-change/credentials", HttpMethod.PUT,
        json(Map.of("password", "1", "authenticatedUserPassword", "demo")), JsonNode.class);
    ResponseEntity<JsonNode> byHimself = http.withBasicAuth("pw-change", STRONG).exchange(
        "/engine-rest/user/pw-change/credentials", HttpMethod.PUT,
        json(Map.of("password", "password1", "authenticatedUserPassword", STRONG)), JsonNode.class);

    for (ResponseEntity<JsonNode> response : java.util.List.of(byAdmin, byHimself)) {
      assertThat(response.getStatusCode().value()).isEqualTo(400);
      assertThat(response.getBody().get("message").asText()).startsWith("密码不符合要求：").contains("至少 1 个大写字母");
    }
    assertThat(identityService.checkPassword("pw-change", STRONG)).isTrue();
    assertThat(identityService.checkPassword("pw-change", "1")).isFalse();
  }

  @Test
  void theAdminWebappRefusesAWeakPasswordInChineseAndShowsThePolicy() {
    HttpHeaders headers = new HttpHeaders();
    ResponseEntity<String> page = http.getForEntity("/camunda/app/admin/default/", String.class);
    String cookies = String.join("; ", page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList());
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "demo");
    form.add("password", "demo");
    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/admin", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    HttpHeaders session = new HttpHeaders();
    session.add(HttpHeaders.COOKIE, login.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow());
    ResponseEntity<String> who = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(session), String.class);
    session.add("X-XSRF-TOKEN", who.getHeaders().getFirst("X-XSRF-TOKEN"));
    session.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<JsonNode> policy = http.exchange("/camunda/api/engine/engine/default/identity/password-policy",
        HttpMethod.GET, new HttpEntity<>(session), JsonNode.class);
    ResponseEntity<JsonNode> refused = http.exchange("/camunda/api/engine/engine/default/user/create", HttpMethod.POST,
        new HttpEntity<>(newUser("pw-admin-weak", "1"), session), JsonNode.class);
    ResponseEntity<String> zh = http.getForEntity("/camunda/app/admin/locales/zh.json", String.class);

    assertThat(policy.getStatusCode().value()).isEqualTo(200);
    assertThat(policy.getBody().get("rules").toString()).contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA");
    assertThat(zh.getBody()).contains("\"PASSWORD_POLICY_LENGTH\": \"至少 {{minLength}} 个字符\"");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("密码不符合要求：").contains("至少 10 个字符");
    assertThat(identityService.createUserQuery().userId("pw-admin-weak").count()).isZero();
  }

  @Test
  void wrongCurrentPasswordsOnAPasswordChangeCountAsFailedLogins() {
    ensureUser("pw-guess", STRONG);
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Forwarded-For", "203.0.113.77");
    headers.setBasicAuth("pw-guess", STRONG);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = null;
    for (int i = 0; i < 11; i++) {
      response = http.exchange("/engine-rest/user/pw-guess/credentials", HttpMethod.PUT, new HttpEntity<>(
          Map.of("password", STRONG + i, "authenticatedUserPassword", "guess" + i), headers), String.class);
    }

    assertThat(response.getStatusCode().value()).isEqualTo(429);
    assertThat(response.getBody()).contains("登录失败次数过多");
    assertThat(identityService.checkPassword("pw-guess", STRONG)).isTrue();
  }

  private void ensureUser(String id, String password) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("测试");
      user.setLastName("用户");
      user.setPassword(password);
      identityService.saveUser(user);
    }
  }

  private TestRestTemplate admin() {
    return http.withBasicAuth("demo", "demo");
  }

  private static Map<String, Object> newUser(String id, String password) {
    return Map.of("profile", Map.of("id", id, "firstName", "王芳", "lastName", "经办人", "email", id + "@example.org"),
        "credentials", Map.of("password", password));
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
