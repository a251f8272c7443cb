package org.jixiao.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A browser at the webapps, optionally behind a reverse proxy (the headers it adds: {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}): opens a webapp page, logs in with the form, then calls with the session cookie
 * and the CSRF token as the webapps do. Keeps every {@code Set-Cookie} it saw.
 */
final class WebappLogin {

  private final TestRestTemplate http;
  private final Map<String, String> proxyHeaders = new LinkedHashMap<>();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  final List<String> setCookies = new ArrayList<>();
  private String csrfToken;

  WebappLogin(TestRestTemplate http) {
    this.http = http;
  }

  WebappLogin from(String address) {
    proxyHeaders.put("X-Forwarded-For", address);
    return this;
  }

  WebappLogin overHttps() {
    proxyHeaders.put("X-Forwarded-Proto", "https");
    return this;
  }

  /** Opens {@code app} (session and CSRF cookie) and posts its login form. */
  ResponseEntity<String> login(String app, String user, String password) {
    remember(http.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET, new HttpEntity<>(headers()),
        String.class));
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    remember(login);
    if (login.getStatusCode().value() == 200) {
      // the login renews the session; the next request gets the new session's token
      remember(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers()),
          String.class));
    }
    return login;
  }

  <T> ResponseEntity<T> exchange(HttpMethod method, String path, Object body, Class<T> type) {
    HttpHeaders headers = headers();
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    ResponseEntity<T> response = http.exchange(path, method, new HttpEntity<>(body, headers), type);
    remember(response);
    return response;
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    proxyHeaders.forEach(headers::add);
    if (!cookies.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, String.join("; ",
          cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    if (csrfToken != null) {
      headers.add("X-XSRF-TOKEN", csrfToken);
    }
    return headers;
  }

  private void remember(ResponseEntity<?> response) {
    List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (set != null) {
      for (String cookie : set) {
        setCookies.add(cookie);
        String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    if (response.getHeaders().getFirst("X-XSRF-TOKEN") != null) {
      csrfToken = response.getHeaders().getFirst("X-XSRF-TOKEN");
    }
  }
}
