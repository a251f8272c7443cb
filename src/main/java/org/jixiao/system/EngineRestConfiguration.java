package org.jixiao.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} as the starter configures it, with refusals in Chinese: a missing authorization and
 * work on another district's item answer 403. The engine reports the latter as a plain exception, which
 * Camunda's REST turns into 500, sometimes wrapped in a RestException. Input a task listener refuses
 * ({@link InvalidInputException}) answers 400 with its Chinese message. Every other error keeps Camunda's
 * status and body.
 */
@Configuration
class EngineRestConfiguration {

  private static final Set<Class<?>> REPLACED = Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class);

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      /** Camunda's resources and providers, with our mappers in place of its two engine-error mappers. */
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(CamundaRestResources.getConfigurationClasses().stream()
            .filter(c -> !REPLACED.contains(c))
            .collect(Collectors.toSet()));
        register(EngineErrors.class);
        register(RestErrors.class);
        register(JacksonFeature.class);
      }
    };
  }

  static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return refusal(e, e);
    }
  }

  static class RestErrors implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return refusal(e.getCause(), e);
    }
  }

  static final String OTHER_TENANT = "belongs to no authenticated tenant";

  /** 403 in Chinese for a refusal found in {@code cause}; otherwise Camunda's own answer to {@code thrown}. */
  static Response refusal(Throwable cause, Throwable thrown) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return answer(Response.Status.BAD_REQUEST, invalid.getClass().getSimpleName(), invalid.getMessage(), null);
      }
    }
    if (cause instanceof AuthorizationException denied) {
      return forbidden(denied, "您无权进行此操作（用户 " + denied.getUserId() + " 缺少相应授权）");
    }
    if (cause instanceof ProcessEngineException e && e.getMessage() != null && e.getMessage().contains(OTHER_TENANT)) {
      return forbidden(e, "该事项属于其他辖区，您无权查看或办理");
    }
    return ExceptionHandlerHelper.getInstance().getResponse(thrown);
  }

  private static Response forbidden(ProcessEngineException e, String message) {
    return answer(Response.Status.FORBIDDEN, e.getClass().getSimpleName(), message, e.getMessage());
  }

  private static Response answer(Response.Status status, String type, String message, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("status", status.getStatusCode());
    body.put("message", message);
    if (detail != null) {
      body.put("detail", detail);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
