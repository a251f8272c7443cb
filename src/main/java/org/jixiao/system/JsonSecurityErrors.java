package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 from the security filters, as {@link ApiError} JSON in Chinese. */
@Component
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper objectMapper;

  JsonSecurityErrors(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    // a page's script (X-Requested-With: XMLHttpRequest, e.g. the project library) shows its own login hint: no
    // Basic challenge, which would make the browser pop up its password dialog
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"jixiao\", charset=\"UTF-8\"");
    }
    String message = request.getHeader("Authorization") == null
        ? "请先登录：本接口需要用户名和密码（HTTP Basic）"
        : "用户名或密码错误";
    write(response, HttpServletResponse.SC_UNAUTHORIZED, message, request);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, "您没有进行此操作的权限", request);
  }

  private void write(HttpServletResponse response, int status, String message, HttpServletRequest request)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(response.getOutputStream(), ApiError.of(status, message, request.getRequestURI()));
  }
}
