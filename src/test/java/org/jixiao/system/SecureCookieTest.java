package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Behind a reverse proxy that terminates HTTPS ({@code X-Forwarded-Proto: https} from a trusted proxy: the
 * tests come from 127.0.0.1) the session and CSRF cookies carry {@code Secure}; over plain HTTP they do not,
 * and the login works both ways.
 */
@PlatformTest
class SecureCookieTest {

  @Autowired TestRestTemplate http;

  @Test
  void overHttpsTheSessionAndCsrfCookiesAreSecure() {
    WebappLogin browser = new WebappLogin(http).overHttps();

    assertThat(browser.login("tasklist", "qijiang-edu", "demo").getStatusCode().value()).isEqualTo(200);

    assertThat(browser.setCookies).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    assertThat(browser.setCookies).allMatch(c -> c.matches("(?i).*;\\s*Secure(;.*|$)"), "Secure");
    assertThat(browser.exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, String.class)
        .getStatusCode().value()).as("still logged in").isEqualTo(200);
  }

  @Test
  void overPlainHttpTheyAreNotAndTheLoginWorks() {
    WebappLogin browser = new WebappLogin(http);

    assertThat(browser.login("tasklist", "qijiang-edu", "demo").getStatusCode().value()).isEqualTo(200);

    assertThat(browser.setCookies).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    assertThat(browser.setCookies).noneMatch(c -> c.toLowerCase().contains("secure"));
    assertThat(browser.exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, String.class)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theFlagIsAddedOnceToEachCookie() {
    assertThat(SecureCookies.secured("Set-Cookie", "XSRF-TOKEN=1;Path=/camunda;SameSite=Lax"))
        .isEqualTo("XSRF-TOKEN=1;Path=/camunda;SameSite=Lax; Secure");
    assertThat(SecureCookies.secured("Set-Cookie", "JSESSIONID=1; Path=/; Secure; HttpOnly"))
        .isEqualTo("JSESSIONID=1; Path=/; Secure; HttpOnly");
  }
}
