package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.jixiao.district.District;

/**
 * Every login door under one {@link LoginThrottle}: HTTP Basic on {@code /api/**}, {@code /engine-rest/**}
 * and {@code /actuator/**}, and the webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}).
 * A source with too many recent failures gets 429 with a Chinese message, {@code Retry-After} and
 * {@code retryAfterSeconds}, before anything checks the password; otherwise a login answered 401 counts as
 * a failure of its source. Runs in front of Spring Security and Camunda's webapp filters.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

  private static final Pattern BASIC_PATHS = Pattern.compile("/(api|engine-rest|actuator)(/.*)?");
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;
  private final ObjectMapper objectMapper;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper) {
    this.throttle = throttle;
    this.objectMapper = objectMapper;
  }

  /** Whether the request tries a password: Basic credentials on the REST doors, or the webapps' login form. */
  static boolean isLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (WEBAPP_LOGIN.matcher(path).matches()) {
      return "POST".equals(request.getMethod());
    }
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && BASIC_PATHS.matcher(path).matches();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isLogin(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String source = request.getRemoteAddr();
    Optional<Duration> wait = throttle.refusal(source);
    if (wait.isPresent()) {
      refuse(objectMapper, request, response, wait.get());
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(source);
      if (throttle.refusal(source).isPresent()) {
        log.warn("登录失败次数过多，暂时拒绝来源 {} 的登录", source);
      }
    }
  }

  static String message(long seconds) {
    return "登录失败次数过多，请在 " + seconds + " 秒后重试";
  }

  /** 429 with {@code Retry-After} and a JSON body in the shape of every other refusal. */
  static void refuse(ObjectMapper objectMapper, HttpServletRequest request, HttpServletResponse response,
      Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TooManyRequests");
    body.put("status", 429);
    body.put("error", "请求过于频繁");
    body.put("message", message(seconds));
    body.put("retryAfterSeconds", seconds);
    body.put("retryAt", OffsetDateTime.now(District.TIME_ZONE).plusSeconds(seconds).withNano(0).toString());
    body.put("path", request.getRequestURI());
    body.put("timestamp", OffsetDateTime.now(District.TIME_ZONE).toString());
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(response.getOutputStream(), body);
  }
}
