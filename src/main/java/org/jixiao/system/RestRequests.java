package org.jixiao.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the filters that look into engine REST writes read of a request: its path, its user, its JSON body. */
final class RestRequests {

  private RestRequests() {}

  /** The path inside the application (without the context path). */
  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The user Spring Security authenticated for the request, or null for none. */
  static String user() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken ? null : a.getName();
  }

  /** The body as a JSON object, or null when it is none. */
  static JsonNode object(ObjectMapper objectMapper, byte[] bytes) {
    try {
      JsonNode node = objectMapper.readTree(bytes);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A JSON field's text, or null when it is not a text. */
  static String text(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.asText();
  }
}
