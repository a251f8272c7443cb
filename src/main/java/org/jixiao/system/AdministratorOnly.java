package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What only administrators may read: the engine's metrics and telemetry (they count every district), the
 * actuator beyond health and info, and the engine's password check ({@code identity/verify}, a way to try
 * other users' passwords). On {@code /engine-rest} and {@code /actuator} Spring Security asks
 * {@link #manager}; the same engine resources under the webapps ({@code /camunda/api/engine/...}, Admin's
 * metrics plugin) are guarded by the {@link #webappFilter}, which reads the webapp login. Others get 403.
 */
final class AdministratorOnly {

  /** Path patterns of the REST doors (Spring Security's chain for /api, /engine-rest, /actuator). */
  static final String[] REST_PATHS = {"/engine-rest/metrics", "/engine-rest/metrics/**", "/engine-rest/telemetry",
      "/engine-rest/telemetry/**", "/engine-rest/identity/verify", "/actuator", "/actuator/**"};

  /** The same resources under the webapps; group 1 is the engine name. */
  static final Pattern WEBAPP_PATHS = Pattern.compile(
      "/camunda/api/(?:engine/engine|admin/plugin/adminPlugins)/([^/]+)/(?:metrics|telemetry|identity/verify)(?:/.*)?");

  static final String MESSAGE = "您没有进行此操作的权限：运行指标和系统信息仅供系统管理员查看";

  private AdministratorOnly() {}

  static AuthorizationManager<RequestAuthorizationContext> manager(CallerLookup callers) {
    return new AuthorizationManager<>() {
      @Override
      @SuppressWarnings("deprecation")
      public AuthorizationDecision check(Supplier<org.springframework.security.core.Authentication> authentication,
          RequestAuthorizationContext context) {
        org.springframework.security.core.Authentication a = authentication.get();
        boolean administrator = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)
            && callers.of(a.getName()).isAdministrator();
        return new AuthorizationDecision(administrator);
      }
    };
  }

  static OncePerRequestFilter webappFilter(CallerLookup callers, ObjectMapper objectMapper) {
    return new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WEBAPP_PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Matcher m = WEBAPP_PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String user = m.matches() ? webappUser(request, m.group(1)) : null;
        // without a webapp login Camunda's own filter answers 401
        if (user == null || callers.of(user).isAdministrator()) {
          chain.doFilter(request, response);
          return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Forbidden");
        body.put("status", 403);
        body.put("error", ApiError.title(403));
        body.put("message", MESSAGE);
        body.put("path", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        objectMapper.writeValue(response.getOutputStream(), body);
      }
    };
  }

  /** The user the webapps logged in for {@code engine} in this browser session, if any. */
  static String webappUser(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
    return user == null ? null : user.getIdentityId();
  }
}
