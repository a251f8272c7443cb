package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * While the database cannot be reached (stopped, restarting, the network to it gone, the pool's connection
 * timeout passed), every request that needs it answers 503 with {@code {type: "ServiceUnavailable", status:
 * 503, message: "数据库暂时不可用，请稍后重试"}} and a {@code Retry-After}, instead of a 500 or a hanging
 * request: {@code /api} through this resolver (ahead of {@link ApiExceptionHandler}), {@code /engine-rest}
 * through {@link EngineRestConfiguration}'s mappers ({@link #engineRestAnswer()}), and the authentication
 * filters, which read users and groups from the database, through this filter around all others. Nothing
 * needs a restart afterwards: the connection pool opens new connections once the database answers again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

  static final int STATUS = 503;
  static final String TYPE = "ServiceUnavailable";
  static final String MESSAGE = "数据库暂时不可用，请稍后重试";
  static final String RETRY_AFTER_SECONDS = "5";

  /** SQL state classes of a lost or refused connection: 08 (connection exception), 57P01–57P03 (shutdown). */
  private static boolean connectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }

  private final ObjectMapper objectMapper;

  DatabaseUnavailable(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** Whether {@code thrown} or one of its causes says that the database could not be reached. */
  static boolean isCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
          || t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
        return true;
      }
      // beginning, committing or rolling back failed on the JDBC connection itself: it is gone (the pool's
      // "Connection is closed" has no SQL state), and it hides the I/O error that broke the work before
      if (t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /** The 503 answer of {@code /engine-rest}. */
  static Response engineRestAnswer() {
    return Response.status(STATUS).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(body(null)).build();
  }

  private static Map<String, Object> body(String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("status", STATUS);
    body.put("error", "服务暂不可用");
    body.put("message", MESSAGE);
    if (path != null) {
      body.put("path", path);
    }
    return body;
  }

  /** {@code /api}: answers before {@link ApiExceptionHandler} would call it an internal error. */
  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception thrown) {
    if (!isCause(thrown)) {
      return null;
    }
    try {
      write(request, response, thrown);
      return new ModelAndView();
    } catch (IOException e) {
      return null;
    }
  }

  /** Failures outside the controllers, e.g. the password check of HTTP Basic while the database is down. */
  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException | IOException thrown) {
      if (!isCause(thrown) || response.isCommitted()) {
        throw thrown;
      }
      response.reset();
      write(request, response, thrown);
    }
  }

  private void write(HttpServletRequest request, HttpServletResponse response, Throwable thrown) throws IOException {
    log.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), thrown.toString());
    response.setStatus(STATUS);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setContentType("application/json;charset=UTF-8");
    objectMapper.writeValue(response.getOutputStream(), body(request.getRequestURI()));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
