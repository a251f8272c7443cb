package org.jixiao.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.PasswordRules;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * New passwords set through the engine's REST surfaces ({@code /engine-rest} and the Admin/Welcome
 * webapps' {@code /camunda/api/engine/...}): creating a user and changing a password answer 400 with the
 * Chinese rules the password breaks ({@link PasswordRules}) before the engine refuses it in English. The
 * engine's own policy check stays as the backstop. A password change also names the caller's current
 * password, another way to try it: a wrong one counts as a failed login of the source, and a source the
 * {@link LoginThrottle} refuses gets 429. Only the administrator's and one's own requests are checked;
 * others go on to the engine, which refuses them.
 */
class PasswordPolicyFilter extends OncePerRequestFilter {

  private static final Pattern PATH = Pattern.compile(
      "/(?:engine-rest|camunda/api/engine/engine/([^/]+))/user/(?:(create)|([^/]+)/credentials)/?");
  private static final int MAX_BODY = 64 * 1024;

  private final IdentityService identityService;
  private final CallerLookup callers;
  private final LoginThrottle throttle;
  private final ObjectMapper objectMapper;

  PasswordPolicyFilter(IdentityService identityService, CallerLookup callers, LoginThrottle throttle,
      ObjectMapper objectMapper) {
    this.identityService = identityService;
    this.callers = callers;
    this.throttle = throttle;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    Matcher m = PATH.matcher(RestRequests.path(request));
    return !m.matches() || !(m.group(2) != null ? "POST" : "PUT").equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = PATH.matcher(RestRequests.path(request));
    m.matches();
    String caller = m.group(1) == null ? RestRequests.user() : AdministratorOnly.webappUser(request, m.group(1));
    ServletInputStream original = request.getInputStream();
    byte[] bytes = original.readNBytes(MAX_BODY + 1);
    HttpServletRequest body = new CachedBody(request, new SequenceInputStream(new ByteArrayInputStream(bytes), original));
    JsonNode json = bytes.length > MAX_BODY ? null : RestRequests.object(objectMapper, bytes);
    if (caller == null || json == null) {
      chain.doFilter(body, response);
      return;
    }
    // a district administrator sets its users' passwords too (DistrictAdministratorGuard has bounded whose)
    org.jixiao.identity.Caller who = callers.of(caller);
    boolean administrator = who.isAdministrator() || who.hasRole(org.jixiao.identity.Role.DISTRICT_ADMINISTRATOR);
    String password;
    User user;
    if (m.group(2) != null) {
      JsonNode profile = json.path("profile");
      password = RestRequests.text(json.path("credentials").path("password"));
      if (!administrator || RestRequests.text(profile.path("id")) == null) {
        chain.doFilter(body, response);
        return;
      }
      user = identityService.newUser(RestRequests.text(profile.path("id")));
      user.setFirstName(RestRequests.text(profile.path("firstName")));
      user.setLastName(RestRequests.text(profile.path("lastName")));
      user.setEmail(RestRequests.text(profile.path("email")));
    } else {
      String userId = m.group(3);
      user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null || !(administrator || caller.equals(userId))) {
        chain.doFilter(body, response);
        return;
      }
      Optional<Duration> wait = throttle.refusal(request.getRemoteAddr());
      if (wait.isPresent()) {
        LoginThrottleFilter.refuse(objectMapper, request, response, wait.get());
        return;
      }
      String current = RestRequests.text(json.path("authenticatedUserPassword"));
      if (current == null || !identityService.checkPassword(caller, current)) {
        throttle.failed(request.getRemoteAddr());
        chain.doFilter(body, response);
        return;
      }
      password = RestRequests.text(json.path("password"));
    }
    List<String> violations = PasswordRules.violations(identityService, password, user);
    if (violations.isEmpty()) {
      chain.doFilter(body, response);
      return;
    }
    String message = "密码不符合要求：" + String.join("；", violations);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "BadRequest");
    error.put("status", 400);
    error.put("error", ApiError.title(400));
    error.put("message", message);
    error.put("path", request.getRequestURI());
    error.put("fieldErrors", List.of(Map.of("field", "password", "message", message)));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(response.getOutputStream(), error);
  }


  /** The request with the part of its body already read served again, followed by the rest. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final InputStream in;
    private boolean finished;

    CachedBody(HttpServletRequest request, InputStream in) {
      super(request);
      this.in = in;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          int b = in.read();
          finished = b < 0;
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = in.read(b, off, len);
          finished = n < 0;
          return n;
        }

        @Override
        public boolean isFinished() {
          return finished;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }
  }
}
