package org.jixiao.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTPS every cookie carries {@code Secure}; over plain HTTP (a local start) none does, or the browser
 * would drop the login. Tomcat marks the session cookie itself when the request is secure; Camunda's webapps
 * write their CSRF cookie ({@code XSRF-TOKEN}) as a raw header and mark it only by a fixed setting, so this
 * filter adds the flag to each cookie set on a secure request. Behind a reverse proxy the request is secure
 * when the proxy says so ({@code X-Forwarded-Proto: https}) and is trusted ({@code server.forward-headers-strategy}).
 */
class SecureCookies extends OncePerRequestFilter {

  private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure\\s*(;|$)");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.isSecure();
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void addHeader(String name, String value) {
        super.addHeader(name, secured(name, value));
      }

      @Override
      public void setHeader(String name, String value) {
        super.setHeader(name, secured(name, value));
      }

      @Override
      public void addCookie(Cookie cookie) {
        cookie.setSecure(true);
        super.addCookie(cookie);
      }
    });
  }

  static String secured(String header, String value) {
    if (value == null || !"Set-Cookie".equalsIgnoreCase(header) || SECURE.matcher(value).find()) {
      return value;
    }
    return value + "; Secure";
  }
}
