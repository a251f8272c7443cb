package org.jixiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A user logged into Tasklist, calling the engine the way Tasklist's forms do: the webapp's session cookie
 * and the CSRF token its filter hands out ({@code X-XSRF-TOKEN}), against {@code /camunda/api/engine}.
 */
public final class TasklistSession {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  private final TestRestTemplate http;
  private String cookies;
  private String csrfToken;

  private TasklistSession(TestRestTemplate http) {
    this.http = http;
  }

  /** Opens Tasklist (session and CSRF cookie), then logs in with its login form, as the browser does. */
  public static TasklistSession login(TestRestTemplate http, String user, String password) {
    TasklistSession session = new TasklistSession(http);
    ResponseEntity<String> login = session.submitLogin(user, password, null);
    assertThat(login.getStatusCode().value()).as("Tasklist login of %s: %s", user, login.getBody()).isEqualTo(200);
    session.remember(login.getHeaders());
    // the login renews the session; Tasklist's next request (who is logged in) gets the new session's token
    ResponseEntity<String> who = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(session.headers()), String.class);
    assertThat(who.getStatusCode().value()).isEqualTo(200);
    session.remember(who.getHeaders());
    return session;
  }

  /**
   * Opens Tasklist and submits its login form once, as the browser does (session and CSRF token first), from
   * the given client address if not null; the answer as it came.
   */
  public static ResponseEntity<String> attemptLogin(TestRestTemplate http, String user, String password,
      String clientAddress) {
    return new TasklistSession(http).submitLogin(user, password, clientAddress);
  }

  private ResponseEntity<String> submitLogin(String user, String password, String clientAddress) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    remember(page.getHeaders());
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    if (clientAddress != null) {
      headers.set("X-Forwarded-For", clientAddress);
    }
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  /** {@code POST task/{id}/submit-form}, what Tasklist's 完成 sends; variables as {name: {type, value}}. */
  public ResponseEntity<String> submitForm(String taskId, Map<String, Object> variables) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = http.exchange(ENGINE + "/task/" + taskId + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);
    remember(response.getHeaders());
    return response;
  }

  /** {@code GET} with the session, as Tasklist's own requests. */
  public ResponseEntity<String> get(String path) {
    ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
    remember(response.getHeaders());
    return response;
  }

  /** {@code POST} of a JSON body with the session. */
  public ResponseEntity<String> post(String path, String json) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    remember(response.getHeaders());
    return response;
  }

  /** The session's cookies as a Cookie header (a test of a request without the CSRF token). */
  public String cookies() {
    return cookies;
  }

  /** A multipart {@code POST} with the session, with or without the session's CSRF token (as another site would). */
  public ResponseEntity<String> postMultipart(String path, Object parts, boolean withCsrfToken) {
    HttpHeaders headers = headers();
    if (!withCsrfToken) {
      headers.remove("X-XSRF-TOKEN");
    }
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    remember(response.getHeaders());
    return response;
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrfToken);
    return headers;
  }

  /** Keeps the cookies and the token an answer sets, over the ones it replaces (a login renews the session). */
  private void remember(HttpHeaders response) {
    List<String> kept = new ArrayList<>();
    List<String> set = response.get(HttpHeaders.SET_COOKIE) == null ? List.of() : response.get(HttpHeaders.SET_COOKIE);
    List<String> names = set.stream().map(c -> c.substring(0, c.indexOf('='))).toList();
    if (cookies != null) {
      for (String cookie : cookies.split("; ")) {
        if (!names.contains(cookie.substring(0, cookie.indexOf('=')))) {
          kept.add(cookie);
        }
      }
    }
    set.forEach(c -> kept.add(c.contains(";") ? c.substring(0, c.indexOf(';')) : c));
    cookies = String.join("; ", kept);
    if (response.getFirst("X-XSRF-TOKEN") != null) {
      csrfToken = response.getFirst("X-XSRF-TOKEN");
    }
  }
}
