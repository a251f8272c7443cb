package org.jixiao.stage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the request threads of the engine's own REST surfaces ({@code /engine-rest/*}, and the webapps'
 * {@code /camunda/api/*} that Tasklist submits forms through): commands started there come from a user
 * and are checked by {@link TaskGuard}. Our own services ({@code /api/**}), start-up runners, the job
 * executor and tests calling the Java API run unmarked and are trusted.
 */
public class EngineRestCalls extends OncePerRequestFilter {

  /** The servlet paths the filter is registered for. */
  static final String[] PATHS = {"/engine-rest/*", "/camunda/api/*"};

  private static final ThreadLocal<Boolean> UNTRUSTED = new ThreadLocal<>();

  /** Whether the current thread serves a call of the engine's REST surfaces. */
  public static boolean isUntrusted() {
    return Boolean.TRUE.equals(UNTRUSTED.get());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Boolean before = UNTRUSTED.get();
    UNTRUSTED.set(Boolean.TRUE);
    try {
      chain.doFilter(request, response);
    } finally {
      if (before == null) {
        UNTRUSTED.remove();
      } else {
        UNTRUSTED.set(before);
      }
    }
  }
}
