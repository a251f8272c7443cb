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
  @org.springframework.beans.factory.annotation.Value("${server.tomcat.remoteip.internal-proxies}") String internalProxies;

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
  void byDefaultOnlyAProxyOnThisMachineIsTrustedWithTheForwardedHeaders() {
    java.util.regex.Pattern trusted = java.util.regex.Pattern.compile(internalProxies);

    assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
    assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
    // a client on the bureau's network could otherwise claim any address (and dodge the login throttle) or HTTPS
    for (String client : java.util.List.of("10.1.2.3", "192.168.1.20", "172.16.0.9", "203.0.113.5", "fd00::1")) {
      assertThat(trusted.matcher(client).matches()).as(client).isFalse();
    }
  }

  @Test
  void theFlagIsAddedOnceToEachCookie() {
    assertThat(SecureCookies.secured("Set-Cookie", "XSRF-TOKEN=1;Path=/camunda;SameSite=Lax"))
        .isEqualTo("XSRF-TOKEN=1;Path=/camunda;SameSite=Lax; Secure");
    assertThat(SecureCookies.secured("Set-Cookie", "JSESSIONID=1; Path=/; Secure; HttpOnly"))
        .isEqualTo("JSESSIONID=1; Path=/; Secure; HttpOnly");
  }
}
