package org.jixiao.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist's embedded forms read {@code /api/**} with the user's webapp login: a GET or HEAD request
 * without Basic credentials, from a browser session in which Camunda's webapps authenticated a user of the
 * default engine, runs as that user. Only reads: a form's writes go through the task's completion, with one
 * exception, the application itself (项目申报, {@code POST /api/projects}), which creates the project before any
 * process exists: it is accepted from the session only with the webapps' own CSRF token
 * ({@code X-XSRF-TOKEN}, the value Camunda keeps in the session), as Camunda's webapps accept their own writes.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";

  /** The writes a Tasklist form makes through {@code /api} itself (with the CSRF token): the application. */
  static final List<String> SESSION_WRITES = List.of("/api/projects");
  /** Where Camunda's CSRF filter keeps the session's token, and the header it expects it in. */
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    boolean write = "POST".equals(method) && SESSION_WRITES.contains(request.getRequestURI());
    return !(read || write) || SecurityContextHolder.getContext().getAuthentication() != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && "POST".equals(request.getMethod()) && !tokenMatches(request, session)) {
      session = null; // no token, or another's: not this session's write (answered 401 as without a login)
    }
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (user != null && user.getIdentityId() != null) {
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, List.of()));
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean tokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    String given = request.getHeader(CSRF_HEADER);
    return expected instanceof String token && given != null
        && java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
