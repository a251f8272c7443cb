package org.jixiao.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The webapps' own REST ({@code /camunda/api/engine}, {@code /cockpit}, {@code /admin}, {@code /tasklist}, what
 * Tasklist, Cockpit and Admin call) answers errors as {@code /engine-rest} does ({@link EngineRestConfiguration}):
 * JSON {@code {type, status, message, detail?}} in Chinese, 404 for a missing or hidden id, never a Java class
 * name and never a 500 for a user's mistake. Camunda registers those servlets itself with its own error mappers
 * (a missing task there is a 500 naming {@code NullValueException}); ours are added to each servlet as providers
 * with a higher priority, so they win for the same exception types.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WebappRestErrors implements ServletContextInitializer {

  /** Camunda's names for the webapps' REST servlets. */
  static final List<String> SERVLETS = List.of("Engine Api", "Cockpit Api", "Admin Api", "Tasklist Api");

  static final String PROVIDERS = String.join(",", Refusals.class.getName(), EngineRefusals.class.getName(),
      RestRefusals.class.getName(), JsonParseRefusals.class.getName(), JsonMappingRefusals.class.getName());

  @Override
  public void onStartup(ServletContext context) {
    if (!addProviders(context)) {
      // the webapps register their servlets in an initializer of their own: add ours once all have run
      context.addListener(new ServletContextListener() {
        @Override
        public void contextInitialized(ServletContextEvent event) {
          addProviders(context); // the context the initializer was given: a listener's own may not list servlets
        }
      });
    }
  }

  private static boolean addProviders(ServletContext context) {
    boolean found = false;
    for (String name : SERVLETS) {
      ServletRegistration servlet = context.getServletRegistration(name);
      if (servlet != null) {
        servlet.setInitParameter("jersey.config.server.provider.classnames", PROVIDERS);
        found = true;
      }
    }
    return found;
  }

  @Priority(1)
  public static class Refusals implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return EngineRestConfiguration.refusal(e);
    }
  }

  @Priority(1)
  public static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return EngineRestConfiguration.refusal(e);
    }
  }

  @Priority(1)
  public static class RestRefusals implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return EngineRestConfiguration.refusal(e);
    }
  }

  @Priority(1)
  public static class JsonParseRefusals implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return EngineRestConfiguration.unreadable(e);
    }
  }

  @Priority(1)
  public static class JsonMappingRefusals implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return EngineRestConfiguration.unreadable(e);
    }
  }
}
