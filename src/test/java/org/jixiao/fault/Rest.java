package org.jixiao.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP calls to a child application as a demo user (Basic auth, password {@code demo}; none for a null user),
 * JSON in and out.
 */
final class Rest {

  /** An answer; {@code status} is -1 when none came (connection refused or cut by a crash). */
  record Answer(int status, JsonNode body, String text) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Rest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Answer get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Answer post(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  private Answer send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = http.send(request
          .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      JsonNode body = null;
      if (text != null && !text.isBlank()) {
        try {
          body = JSON.readTree(text);
        } catch (IOException notJson) {
          body = null;
        }
      }
      return new Answer(response.statusCode(), body, text);
    } catch (IOException e) {
      return new Answer(-1, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, e.toString());
    }
  }

  private static String write(Object body) {
    try {
      return body == null ? "" : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
