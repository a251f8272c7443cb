package org.jixiao.system;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of {@code /api/**} into {@link ApiError} JSON with a Chinese message. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e, HttpServletRequest request) {
    return respond(e.status(), e.getMessage(), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    String message = "提交的内容有 " + fields.size() + " 处错误："
        + String.join("；", fields.stream().map(ApiError.FieldError::message).toList());
    return ResponseEntity.badRequest().body(new ApiError(400, ApiError.title(400), message,
        request.getRequestURI(), OffsetDateTime.now(), fields));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> refusedInput(InvalidInputException e, HttpServletRequest request) {
    return ResponseEntity.badRequest().body(new ApiError(400, ApiError.title(400), e.getMessage(),
        request.getRequestURI(), OffsetDateTime.now(), e.fieldErrors().isEmpty() ? null : e.fieldErrors()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException refused) {
        return refusedInput(refused, request); // a text refused while reading (SafeTextJson)
      }
    }
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      Object value = mismatch instanceof InvalidFormatException invalid ? invalid.getValue() : null;
      String message = "字段 " + field + " 的取值无效" + (value == null ? "" : "：" + value);
      return ResponseEntity.badRequest().body(new ApiError(400, ApiError.title(400), message,
          request.getRequestURI(), OffsetDateTime.now(), List.of(new ApiError.FieldError(field, message))));
    }
    return respond(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，或字段类型不对（例如金额应为数字）", request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return respond(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值无效", request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(HttpStatus.BAD_REQUEST, "请求缺少参数：" + e.getParameterName(), request);
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  ResponseEntity<ApiError> denied(RuntimeException e, HttpServletRequest request) {
    return respond(HttpStatus.FORBIDDEN, "您没有进行此操作的权限", request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
    return respond(HttpStatus.NOT_FOUND, "请求的地址不存在", request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(HttpStatus.METHOD_NOT_ALLOWED, "该地址不支持 " + e.getMethod() + " 请求", request);
  }

  /** An upload over the multipart limit (the upload cap), e.g. a chunked one the size filter did not read ahead. */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> uploadTooLarge(RuntimeException e, HttpServletRequest request) {
    return respond(HttpStatus.PAYLOAD_TOO_LARGE, "上传文件过大", request);
  }

  /** Not a multipart request where one is expected, or without the named part. */
  @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
      org.springframework.web.multipart.support.MissingServletRequestPartException.class})
  ResponseEntity<ApiError> notAnUpload(Exception e, HttpServletRequest request) {
    return respond(HttpStatus.BAD_REQUEST, "请以 multipart/form-data 上传文件", request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 提交", request);
  }

  @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
  ResponseEntity<ApiError> conflict(RuntimeException e, HttpServletRequest request) {
    log.info("conflict on {}: {}", request.getRequestURI(), e.getMessage());
    return respond(HttpStatus.CONFLICT, "数据已被他人修改或已存在，请刷新后重试", request);
  }

  /**
   * The engine's own conflicts (a task claimed, completed or moved on by someone else at the same time,
   * the database refusing a concurrent update) answer 409; any other engine failure is unexpected.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ApiError> engineFailure(ProcessEngineException e, HttpServletRequest request) {
    if (Conflicts.isConflict(e)) {
      log.info("engine conflict on {}: {}", request.getRequestURI(), e.getMessage());
      return respond(HttpStatus.CONFLICT, "该事项已被他人办理或认领，请刷新后重试", request);
    }
    return unexpected(e, request);
  }

  /**
   * The browser went away while the answer was being written (a page reloaded while its scripts loaded): nobody is
   * left to answer, and nothing failed on our side.
   */
  @ExceptionHandler({org.springframework.web.context.request.async.AsyncRequestNotUsableException.class,
      org.apache.catalina.connector.ClientAbortException.class})
  void clientGone(Exception e, HttpServletRequest request) {
    log.debug("client went away on {}: {}", request.getRequestURI(), e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    log.error("unexpected failure on {}", request.getRequestURI(), e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请联系管理员", request);
  }

  private static ResponseEntity<ApiError> respond(HttpStatus status, String message, HttpServletRequest request) {
    return ResponseEntity.status(status).body(ApiError.of(status.value(), message, request.getRequestURI()));
  }
}
