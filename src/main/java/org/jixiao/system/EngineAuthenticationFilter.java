package org.jixiao.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to the engine for the request, with their groups and
 * districts, so {@code /engine-rest} obeys Camunda authorizations and tenant checks exactly as the webapps do.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final CallerLookup callers;

  EngineAuthenticationFilter(IdentityService identityService, CallerLookup callers) {
    this.identityService = identityService;
    this.callers = callers;
  }

  /** {@code /api/**} checks districts and departments in its services and calls the engine as the system. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = callers.of(authentication.getName());
    identityService.setAuthentication(caller.userId(), List.copyOf(caller.groupIds()),
        List.copyOf(caller.districts()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
