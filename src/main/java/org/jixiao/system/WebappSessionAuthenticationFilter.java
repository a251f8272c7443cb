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
 * default engine, runs as that user. Only reads, and with the session's CSRF token the upload of 佐证材料 and the
 * application itself (项目申报, {@code POST /api/projects}, which creates the project before any process exists): a
 * form's other writes go through the task's completion.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";

  /** Camunda's CSRF token of the webapp session and the header its Tasklist sends it in (CsrfConstants). */
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method) || isFormUpload(request))
        || SecurityContextHolder.getContext().getAuthentication() != null;
  }

  /**
   * The one write a form makes itself: a 佐证材料 upload ({@code POST /api/projects/{code}/attachments}), with the
   * session's CSRF token in the header Tasklist sends it in, so another site cannot make the browser upload.
   */
  private static boolean isFormUpload(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && (RequestSizeLimit.EVIDENCE_UPLOAD.matcher(request.getRequestURI()).matches()
        || APPLICATION.equals(request.getRequestURI()));
  }

  /** The 项目申报 start form's write: the application, through the project library. */
  static final String APPLICATION = "/api/projects";

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    String given = request.getHeader(CSRF_HEADER);
    return expected instanceof String token && given != null && java.security.MessageDigest.isEqual(
        token.getBytes(java.nio.charset.StandardCharsets.UTF_8), given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && (!isFormUpload(request) || csrfTokenMatches(request, session))) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (user != null && user.getIdentityId() != null) {
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, List.of()));
      }
    }
    chain.doFilter(request, response);
  }
}
