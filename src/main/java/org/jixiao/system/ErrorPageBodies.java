package org.jixiao.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of every error that reaches Spring Boot's error page ({@code /error}): a response the application's
 * own handlers did not write, e.g. the webapps' login answering 401 to a wrong password, a path that does not
 * exist, a filter's refusal. Same shape as {@link ApiError} ({@code status}, a Chinese {@code error} title, a
 * Chinese {@code message}, {@code path}, {@code timestamp}), never Spring's English "Unauthorized" text, an
 * exception class or a stack trace.
 */
@Component
class ErrorPageBodies extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Object code = request.getAttribute("jakarta.servlet.error.status_code", RequestAttributes.SCOPE_REQUEST);
    int status = code instanceof Integer i ? i : 500;
    Object uri = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
    ApiError error = ApiError.of(status, message(status), uri == null ? null : uri.toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type(status));
    body.put("status", error.status());
    body.put("error", error.error());
    body.put("message", error.message());
    body.put("path", error.path());
    body.put("timestamp", error.timestamp().toString());
    return body;
  }

  static String type(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 413 -> "PayloadTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 429 -> "TooManyRequests";
      default -> status >= 500 ? "InternalError" : "Error";
    };
  }

  static String message(int status) {
    return switch (status) {
      case 400 -> "请求有误，请检查后重试";
      case 401 -> "未登录，或用户名、密码错误";
      case 403 -> "您无权执行该操作";
      case 404 -> "请求的页面或数据不存在";
      case 405 -> "不支持该请求方式";
      case 413 -> "请求内容过大";
      case 415 -> "不支持该内容类型";
      case 429 -> "请求过于频繁，请稍后重试";
      default -> status >= 500 ? "系统内部错误，请稍后重试或联系管理员" : "请求未能完成";
    };
  }
}
