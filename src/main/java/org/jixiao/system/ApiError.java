package org.jixiao.system;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON body of every error of {@code /api/**} and of authentication failures on {@code /engine-rest}:
 * status, a short Chinese title, a Chinese message, and for invalid input one entry per bad field.
 */
public record ApiError(int status, String error, String message, String path, OffsetDateTime timestamp,
    List<FieldError> fieldErrors) {

  public record FieldError(String field, String message) {}

  public static ApiError of(int status, String message, String path) {
    return new ApiError(status, title(status), message, path, OffsetDateTime.now(), null);
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "请求有误";
      case 401 -> "未登录";
      case 403 -> "无权操作";
      case 404 -> "未找到";
      case 405 -> "不支持的请求方式";
      case 409 -> "数据冲突";
      case 413 -> "请求内容过大";
      case 415 -> "不支持的内容类型";
      default -> "系统错误";
    };
  }
}
