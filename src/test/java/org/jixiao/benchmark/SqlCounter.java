package org.jixiao.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Counts what the application sends to its database: statements executed (a batch counts once, as one round
 * trip), commits and rollbacks, through a proxy around the application's DataSource, by the kind of request
 * that caused them. With {@code benchmark.sqlLog} set, also how often each statement text ran in completions,
 * for finding the ones to cut.
 */
final class SqlCounter implements BeanPostProcessor {

  /** The kind of request the current thread serves (see {@link #requests()}); null outside requests. */
  private static final ThreadLocal<String> REQUEST = new ThreadLocal<>();
  static final String COMPLETE = "complete";
  static final String LIST = "list";
  static final String OTHER = "other";

  private static final class Counts {
    final LongAdder statements = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder rollbacks = new LongAdder();
  }

  private final Map<String, Counts> byRequest = new ConcurrentHashMap<>();
  private final boolean byText;
  private final Map<String, AtomicLong> texts = new ConcurrentHashMap<>();

  SqlCounter(boolean byText) {
    this.byText = byText;
  }

  record Snapshot(long statements, long commits, long rollbacks) {
    Snapshot minus(Snapshot before) {
      return new Snapshot(statements - before.statements, commits - before.commits, rollbacks - before.rollbacks);
    }
  }

  /** What the completions ({@code submit-form} requests) have sent so far. */
  Snapshot snapshot() {
    return snapshot(COMPLETE);
  }

  Snapshot snapshot(String request) {
    Counts c = byRequest.computeIfAbsent(request, k -> new Counts());
    return new Snapshot(c.statements.sum(), c.commits.sum(), c.rollbacks.sum());
  }

  private Counts current() {
    String request = REQUEST.get();
    return byRequest.computeIfAbsent(request == null ? OTHER : request, k -> new Counts());
  }

  /** A servlet filter that tells the counter which kind of request a thread serves. */
  FilterRegistrationBean<Filter> requests() {
    Filter filter = (request, response, chain) -> {
      String path = ((HttpServletRequest) request).getRequestURI();
      REQUEST.set(path.endsWith("/submit-form") || path.endsWith("/complete") ? COMPLETE
          : path.contains("/filter/") && path.endsWith("/list") ? LIST : OTHER);
      try {
        chain.doFilter(request, response);
      } finally {
        REQUEST.remove();
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Statement texts by how often they ran since the last call, most frequent first; then forgets them. */
  String topTexts(int limit, long per) {
    StringBuilder out = new StringBuilder();
    texts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get())).limit(limit)
        .forEach(e -> out.append(String.format("%8.2f  %s%n", e.getValue().get() / (double) Math.max(1, per),
            e.getKey().replaceAll("\\s+", " ").substring(0, Math.min(220, e.getKey().replaceAll("\\s+", " ").length())))));
    texts.clear();
    return out.toString();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        Object result = invoke(target, method, args);
        return result instanceof Connection connection ? connection(connection) : result;
      });
    }
    return bean;
  }

  private Connection connection(Connection connection) {
    return proxy(Connection.class, connection, (target, method, args) -> {
      switch (method.getName()) {
        case "commit" -> current().commits.increment();
        case "rollback" -> current().rollbacks.increment();
        default -> { }
      }
      Object result = invoke(target, method, args);
      if (result instanceof Statement statement) {
        String text = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        return statement(statement, text);
      }
      return result;
    });
  }

  private Object statement(Statement statement, String preparedText) {
    Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
        : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
    return proxy(type, statement, (target, method, args) -> {
      if (method.getName().startsWith("execute")) {
        current().statements.increment();
        if (byText && COMPLETE.equals(REQUEST.get())) {
          String text = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedText;
          texts.computeIfAbsent(String.valueOf(text), t -> new AtomicLong()).incrementAndGet();
        }
      }
      return invoke(target, method, args);
    });
  }

  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler h = (p, method, args) -> {
      if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(p)) {
        return p;
      }
      if (method.getName().equals("isWrapperFor") && args.length == 1 && ((Class<?>) args[0]).isInstance(p)) {
        return true;
      }
      return handler.handle(target, method, args);
    };
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
