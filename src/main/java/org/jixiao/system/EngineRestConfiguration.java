package org.jixiao.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ParamException;
import org.jixiao.stage.TaskActionForbidden;
import org.jixiao.stage.TaskActionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} as the starter configures it, with every error a JSON body {@code {type, status,
 * message, detail?}}: a stable word for {@code type} (BadRequest, Forbidden, NotFound, Conflict, …), never a
 * Java class name, and a Chinese message. A missing authorization and work on another district's item
 * answer 403, input a task listener or the task guard refuses 400 with its Chinese message, concurrent
 * claims and completions (optimistic locking, already claimed) 409, a missing task or instance 404, other
 * engine errors a request causes 400; only a failure of the system itself is 500, without its details.
 */
@Configuration
class EngineRestConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EngineRestConfiguration.class);

  /** Camunda's error mappers, replaced by ours: they answer with Java class names (and 500 for conflicts). */
  private static final Set<Class<?>> REPLACED = Set.of(ProcessEngineExceptionHandler.class,
      RestExceptionHandler.class, ExceptionHandler.class, JsonMappingExceptionHandler.class,
      JsonParseExceptionHandler.class);

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      /** Camunda's resources and providers, with our mappers in place of its error mappers. */
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(CamundaRestResources.getConfigurationClasses().stream()
            .filter(c -> !REPLACED.contains(c))
            .collect(Collectors.toSet()));
        register(EngineErrors.class);
        register(RestErrors.class);
        register(AllErrors.class);
        register(JsonErrors.class);
        register(JsonParseErrors.class);
        register(JsonMappingErrors.class);
        // without Jersey's own Jackson error mappers: they answer text/plain with Jackson's message and class names
        register(JacksonFeature.withoutExceptionMappers());
      }
    };
  }

  static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return refusal(e);
    }
  }

  static class RestErrors implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return refusal(e);
    }
  }

  static class JsonErrors implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return unreadable(e);
    }
  }

  @jakarta.annotation.Priority(1)
  static class JsonParseErrors implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return unreadable(e);
    }
  }

  @jakarta.annotation.Priority(1)
  static class JsonMappingErrors implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return unreadable(e);
    }
  }

  /** A body that is not JSON, or a field of the wrong type: 400 naming the field where known, never Jackson's text. */
  static Response unreadable(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return answer(400, "字段 " + field + " 的取值无效（类型或格式不对）", null);
    }
    return answer(400, "请求内容不是有效的 JSON，或字段类型不对", null);
  }

  static class AllErrors implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return refusal(e);
    }
  }

  static final String OTHER_TENANT = "belongs to no authenticated tenant";

  static final String CONFLICT = "该事项已被他人办理或认领，请刷新后重试";

  /** The answer to {@code thrown}: the most telling refusal in its causes, else by Camunda's status. */
  static Response refusal(Throwable thrown) {
    if (DatabaseUnavailable.isCause(thrown)) {
      return DatabaseUnavailable.engineRestAnswer();
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof TaskActionRefused) {
        return answer(400, t.getMessage(), null);
      }
      if (t instanceof TaskActionForbidden) {
        return answer(403, t.getMessage(), null);
      }
      // a service refusing inside a task listener or delegate (a goal set's rules, a conflict): its own Chinese
      // sentence and status, not the engine's "Cannot submit task form …: ENGINE-03051 … TaskListener" around it
      if (t instanceof ApiException refused && refused.status().is4xxClientError()) {
        return answer(refused.status().value(), refused.getMessage(), null);
      }
    }
    if (Conflicts.isConflict(thrown)) {
      log.info("conflict on /engine-rest: {}", thrown.getMessage());
      return answer(409, CONFLICT, null);
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof AuthorizationException denied) {
        return answer(403, "您无权进行此操作（用户 " + denied.getUserId() + " 缺少相应授权）", engineText(denied));
      }
      if (t instanceof ProcessEngineException e && e.getMessage() != null && e.getMessage().contains(OTHER_TENANT)) {
        return answer(403, "该事项属于其他辖区，您无权查看或办理", engineText(e));
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if ((t instanceof NullValueException || t instanceof NotFoundException) && notFound(t.getMessage())
          || t instanceof ProcessEngineException && notFound(t.getMessage()) && t.getMessage().endsWith(" is null")) {
        return notFound();
      }
    }
    if (thrown instanceof ParamException param) {
      if (param instanceof ParamException.PathParamException) {
        return notFound();
      }
      return answer(400, "参数 " + param.getParameterName() + " 的值无效", null);
    }
    if (thrown instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return answer(status, switch (status) {
        case 404 -> "请求的地址不存在";
        case 405 -> "该地址不支持此请求方式";
        case 406 -> "无法以所要求的格式答复，请接受 application/json";
        case 415 -> "不支持的内容类型，请以 application/json 提交";
        default -> "请求无法处理";
      }, null);
    }
    if (thrown instanceof RestException rest && rest.getStatus() != null
        && rest.getStatus().getFamily() == Response.Status.Family.CLIENT_ERROR) {
      int status = rest.getStatus().getStatusCode();
      return status == 404 || notFound(rest.getMessage()) ? notFound() : answer(status, status == 403 ? "您无权进行此操作" : "请求有误", engineText(rest));
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ProcessEngineException e) {
        log.info("engine refused a request on /engine-rest: {}", e.getMessage());
        return answer(400, "请求无法办理", engineText(e));
      }
    }
    log.error("unexpected failure on /engine-rest", thrown);
    return answer(500, "系统内部错误，请联系管理员", null);
  }

  static final String NOT_FOUND = "要办理的事项或数据不存在（可能已被他人办结，或您无权查看）";

  /**
   * One answer for every id that is not there or not the caller's to see (another department's or district's
   * task, instance, variables or history): the same status and body, without the engine's text, so that the
   * answer does not tell whether the id exists.
   */
  static Response notFound() {
    return answer(404, NOT_FOUND, null);
  }

  private static boolean notFound(String message) {
    return message != null && (message.contains("Cannot find") || message.contains("not found")
        || message.contains("doesn't exist") || message.contains("does not exist") || message.matches("(?s).*\\bNo .* found.*"));
  }

  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

  /** The engine's own text for the detail, without Java class names. */
  private static String engineText(Throwable e) {
    return e.getMessage() == null ? null : CLASS_NAME.matcher(e.getMessage()).replaceAll("…");
  }

  /** A stable word for the status, the body's {@code type}. */
  static String type(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 413 -> "PayloadTooLarge";
      case 415 -> "UnsupportedMediaType";
      default -> status >= 500 ? "InternalError" : "Error";
    };
  }

  private static Response answer(int status, String message, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type(status));
    body.put("status", status);
    body.put("message", message);
    if (detail != null) {
      body.put("detail", detail);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
