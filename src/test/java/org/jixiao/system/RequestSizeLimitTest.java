package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request bodies over the cap (2 MB; attachments 10 MB) are refused with 413 and a JSON body in Chinese on
 * {@code /api}, {@code /engine-rest} and the webapps' {@code /camunda/api}, whether they declare their length or
 * come chunked; nothing is stored. Spoken over a plain socket, as a hostile client would: an over-long
 * {@code Content-Length} is refused before the body is sent.
 */
@PlatformTest
class RequestSizeLimitTest {

  static final int MB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired Applications applications;

  Task review;

  @BeforeEach
  void qijiangSupervisorHasAnApplicationToReview() {
    review = applications.awaitingReview("学校食堂改造项目");
  }

  @Test
  void aDeclaredLengthOverTheCapIs413BeforeTheBodyIsSent() throws IOException {
    Integer projects = jdbc.queryForObject("select count(*) from project", Integer.class);
    for (String path : new String[] {"/api/projects", "/engine-rest/task/" + review.getId() + "/complete",
        "/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form", "/engine-rest/user/create"}) {
      Answer answer = send(path, "Content-Length: " + 12 * MB, null);

      assertThat(answer.status).as(path).isEqualTo(413);
      assertTooLarge(answer.json(), "2 MB");
    }
    assertThat(jdbc.queryForObject("select count(*) from project", Integer.class)).isEqualTo(projects);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  @Test
  void aChunkedBodyThatGrowsOverTheCapIs413() throws IOException {
    Integer projects = jdbc.queryForObject("select count(*) from project", Integer.class);
    byte[] padded = application(2 * MB + 1);
    for (String path : new String[] {"/api/projects", "/engine-rest/task/" + review.getId() + "/comment/create",
        "/camunda/api/engine/engine/default/task/" + review.getId() + "/comment/create"}) {
      Answer answer = send(path, "Transfer-Encoding: chunked", padded);

      assertThat(answer.status).as(path).isEqualTo(413);
      assertTooLarge(answer.json(), "2 MB");
    }
    assertThat(jdbc.queryForObject("select count(*) from project", Integer.class)).isEqualTo(projects);
    assertThat(taskService.getTaskComments(review.getId())).isEmpty();
  }

  @Test
  void aChunkedBodyUnderTheCapIsReadAsUsual() throws IOException {
    Answer answer = send("/api/projects", "Transfer-Encoding: chunked", application(MB));

    assertThat(answer.status).as(answer.text()).isEqualTo(201);
    assertThat(answer.json().get("name").asText()).isEqualTo("学校食堂改造项目");
  }

  @Test
  void anAttachmentMayBeLargerUpToItsOwnCap() throws IOException {
    String path = "/engine-rest/task/" + review.getId() + "/attachment/create";
    byte[] file = new byte[5 * MB];
    java.util.Arrays.fill(file, (byte) 'a');
    String boundary = "jixiao-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n测算说明.txt\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\ntext/plain\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String type = "Content-Type: multipart/form-data; boundary=" + boundary;

    Answer accepted = send(path, type + "\r\nContent-Length: " + body.size(), body.toByteArray(), "qijiang-supervisor");
    assertThat(accepted.status).as(accepted.text()).isEqualTo(200);
    assertThat(taskService.getTaskAttachments(review.getId())).hasSize(1);

    Answer refused = send(path, type + "\r\nContent-Length: " + (10 * MB + 1), null, "qijiang-supervisor");
    assertThat(refused.status).isEqualTo(413);
    assertTooLarge(refused.json(), "10 MB");
    assertThat(taskService.getTaskAttachments(review.getId())).hasSize(1);
  }

  private static void assertTooLarge(JsonNode body, String cap) {
    assertThat(body.get("type").asText()).isEqualTo("PayloadTooLarge");
    assertThat(body.get("status").asInt()).isEqualTo(413);
    assertThat(body.get("message").asText()).isEqualTo("请求内容过大（上限 " + cap + "）");
  }

  /** A valid application of Qijiang's education department, padded with white space to {@code size} bytes. */
  private static byte[] application(int size) {
    String json = """
        {"code": "S-%d", "name": "学校食堂改造项目", "district": "qijiang", "department": "qijiang-education",
         "itemType": "DEPARTMENT_PROJECT", "budgetStage": "ANNUAL", "amount": 100000, "newSpending": false,
         "fundSource": "GENERAL_PUBLIC_BUDGET", "periodYears": 1""".formatted(System.nanoTime());
    byte[] head = json.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) ' ');
    System.arraycopy(head, 0, body, 0, head.length);
    body[size - 1] = '}';
    return body;
  }

  private Answer send(String path, String header, byte[] body) throws IOException {
    return send(path, header + "\r\nContent-Type: application/json", body, "qijiang-edu");
  }

  /** One request over a plain socket; a chunked body in 64 KB chunks; the answer as far as the server sends it. */
  private Answer send(String path, String headers, byte[] body, String user) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth + "\r\n"
          + headers + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (body != null && headers.contains("chunked")) {
        for (int at = 0; at < body.length; at += 65536) {
          int n = Math.min(65536, body.length - at);
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(body, at, n);
          out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      } else if (body != null) {
        out.write(body);
      }
      out.flush();
      return Answer.read(socket.getInputStream());
    }
  }

  record Answer(int status, String head, byte[] body) {

    /** Reads the head and a body of the declared length (or chunked), without waiting for the connection to close. */
    static Answer read(InputStream in) throws IOException {
      String head = line(in);
      for (String header; !(header = line(in)).isEmpty(); ) {
        head += "\n" + header;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
      if (length.find()) {
        body.write(in.readNBytes(Integer.parseInt(length.group(1))));
      } else if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        for (int size; (size = Integer.parseInt(line(in).trim(), 16)) > 0; ) {
          body.write(in.readNBytes(size));
          line(in);
        }
      } else {
        body.write(in.readAllBytes());
      }
      return new Answer(Integer.parseInt(head.split(" ")[1]), head, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b; (b = in.read()) != -1 && b != '\n'; ) {
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.UTF_8);
    }

    String text() {
      return head + "\n" + new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(body);
    }
  }
}
