package org.jixiao.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.project.Applications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * 佐证材料 over the API: type by the bytes, size, who may upload, read and download (per role, department and
 * district), the bytes served as uploaded, and the history kept (a replacement is a new file).
 */
@PlatformTest
class EvidenceApiTest {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
  static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

  @Autowired TestRestTemplate http;
  @Autowired Applications applications;
  @Autowired RuntimeService runtimeService;

  String code;

  @BeforeEach
  void aProjectUnderReview() {
    Task review = applications.awaitingReview("佐证材料项目");
    code = runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  @Test
  void theUnitUploadsAPdfAndEveryoneWhoMayReadTheProjectListsAndDownloadsTheSameBytes() throws Exception {
    ResponseEntity<JsonNode> created = upload("qijiang-edu", "EX_ANTE", "Task_SelfAssess", "可行性研究报告.pdf", PDF);

    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    JsonNode file = created.getBody();
    assertThat(file.get("fileName").asText()).isEqualTo("可行性研究报告.pdf");
    assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("size").asLong()).isEqualTo(PDF.length);
    assertThat(file.get("sha256").asText()).isEqualTo(sha256(PDF));
    assertThat(file.get("stage").asText()).isEqualTo("EX_ANTE");
    assertThat(file.get("stageLabel").asText()).isEqualTo("事前绩效评估");
    assertThat(file.get("step").asText()).isEqualTo("Task_SelfAssess");
    assertThat(file.get("uploadedBy").asText()).isEqualTo("qijiang-edu");
    String href = file.get("href").asText();
    assertThat(href).isEqualTo("/api/projects/" + code + "/attachments/" + file.get("id").asLong());

    for (String reader : new String[] {"qijiang-edu", "qijiang-supervisor", "qijiang-perf", "qijiang-expert3"}) {
      JsonNode list = http.withBasicAuth(reader, "demo").getForEntity("/api/projects/" + code + "/attachments",
          JsonNode.class).getBody();
      assertThat(list).as(reader).hasSize(1);
      assertThat(list.get(0).get("fileName").asText()).isEqualTo("可行性研究报告.pdf");
      ResponseEntity<byte[]> download = http.withBasicAuth(reader, "demo").getForEntity(href, byte[].class);
      assertThat(download.getStatusCode().value()).isEqualTo(200);
      assertThat(download.getBody()).isEqualTo(PDF);
      assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
      assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("可行性研究报告.pdf");
      assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void anotherDepartmentOrDistrictReadsNothingAndIsToldTheProjectDoesNotExist() {
    String href = upload("qijiang-edu", "EX_ANTE", null, "佐证.pdf", PDF).getBody().get("href").asText();
    JsonNode missing = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/projects/NO-SUCH-PROJECT/attachments", JsonNode.class).getBody();

    for (String outsider : new String[] {"qijiang-health", "jilin-perf", "jilin-edu"}) {
      for (String path : new String[] {"/api/projects/" + code + "/attachments", href}) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(outsider, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(outsider + " " + path).isEqualTo(404);
        assertThat(answer.getBody().get("message").asText()).isEqualTo("项目不存在：" + code);
      }
      ResponseEntity<JsonNode> upload = upload(outsider, "EX_ANTE", null, "x.pdf", PDF);
      assertThat(upload.getStatusCode().value()).isEqualTo(404);
      assertThat(upload.getBody().get("message").asText()).isEqualTo("项目不存在：" + code);
    }
    assertThat(missing.get("message").asText()).isEqualTo("项目不存在：NO-SUCH-PROJECT");
    // a file id of another project reads as missing too
    ResponseEntity<JsonNode> wrongProject = http.withBasicAuth("qijiang-edu", "demo").getForEntity(
        "/api/projects/" + code + "/attachments/999999999", JsonNode.class);
    assertThat(wrongProject.getStatusCode().value()).isEqualTo(404);
    assertThat(wrongProject.getBody().get("message").asText()).contains("佐证材料不存在");
  }

  @Test
  void theTypeIsToldByTheBytesNotByTheName() throws IOException {
    Map<String, byte[]> refused = Map.of(
        "setup.pdf", EXE,
        "图片.jpg", PNG,
        "报告.docx", "not a zip at all".getBytes(StandardCharsets.UTF_8),
        "压缩包.xlsx", zip("readme.txt"),
        "setup.exe", EXE,
        "说明.txt", "plain text".getBytes(StandardCharsets.UTF_8),
        "无扩展名", PDF);
    refused.forEach((name, bytes) -> {
      ResponseEntity<JsonNode> answer = upload("qijiang-edu", "EX_ANTE", null, name, bytes);
      assertThat(answer.getStatusCode().value()).as(name).isEqualTo(400);
      assertThat(answer.getBody().get("error").asText()).isEqualTo("请求有误");
      assertThat(answer.getBody().get("message").asText()).as(name).contains("不支持的文件类型").contains("PDF");
    });

    assertThat(upload("qijiang-edu", "EX_ANTE", null, "现场照片.png", PNG).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> docx = upload("qijiang-edu", "EX_ANTE", null, "实施方案.docx",
        zip("[Content_Types].xml", "word/document.xml"));
    assertThat(docx.getStatusCode().value()).as("%s", docx.getBody()).isEqualTo(201);
    assertThat(docx.getBody().get("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(upload("qijiang-edu", "EX_ANTE", null, "发票.ofd", zip("OFD.xml", "Doc_0/Document.xml"))
        .getStatusCode().value()).isEqualTo(201);
    assertThat(list("qijiang-edu")).hasSize(3);
  }

  @Test
  void anEmptyOrTooLargeFileIsRefusedInChinese() {
    ResponseEntity<JsonNode> empty = upload("qijiang-edu", "EX_ANTE", null, "空.pdf", new byte[0]);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().get("message").asText()).contains("文件不能为空");

    // a file over 10 MB: refused with 413 before the body is read (the request declares its length)
    JsonNode tooLarge = declaredTooLarge("/api/projects/" + code + "/attachments", 10 * 1024 * 1024 + 1);
    assertThat(tooLarge.get("status").asInt()).isEqualTo(413);
    assertThat(tooLarge.get("message").asText()).isEqualTo("请求内容过大（上限 10 MB）");
    assertThat(list("qijiang-edu")).isEmpty();
  }

  @Test
  void onlyTheOwningUnitUploadsAndOnlyWhileTheStageIsOpen() {
    ResponseEntity<JsonNode> reviewer = upload("qijiang-supervisor", "EX_ANTE", null, "审核意见.pdf", PDF);
    assertThat(reviewer.getStatusCode().value()).isEqualTo(403);
    assertThat(reviewer.getBody().get("message").asText()).contains("由申报单位上传");

    ResponseEntity<JsonNode> closed = upload("qijiang-edu", "MONITORING", null, "监控.pdf", PDF);
    assertThat(closed.getStatusCode().value()).isEqualTo(409);
    assertThat(closed.getBody().get("message").asText()).contains("不能再上传").contains("运行监控");

    ResponseEntity<JsonNode> unknownStage = upload("qijiang-edu", "EVALUATION", null, "评价.pdf", PDF);
    assertThat(unknownStage.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownStage.getBody().get("message").asText()).contains("阶段无效");

    ResponseEntity<JsonNode> badStep = upload("qijiang-edu", "EX_ANTE", "../../etc", "评价.pdf", PDF);
    assertThat(badStep.getStatusCode().value()).isEqualTo(400);
    assertThat(badStep.getBody().get("message").asText()).contains("环节编号无效");
    assertThat(list("qijiang-edu")).isEmpty();
  }

  @Test
  void aFileNameLosesItsPathAndUnsafeNamesAreRefused() {
    ResponseEntity<JsonNode> pathy = upload("qijiang-edu", "EX_ANTE", null, "..\\..\\windows\\报告.pdf", PDF);
    assertThat(pathy.getStatusCode().value()).as("%s", pathy.getBody()).isEqualTo(201);
    assertThat(pathy.getBody().get("fileName").asText()).isEqualTo("报告.pdf");

    ResponseEntity<JsonNode> control = upload("qijiang-edu", "EX_ANTE", null, "报\u202Efdp.exe.pdf", PDF);
    assertThat(control.getStatusCode().value()).isEqualTo(400);
    assertThat(control.getBody().get("message").asText()).startsWith("文件名");
  }

  @Test
  void aReplacedFileStaysInTheHistory() {
    JsonNode first = upload("qijiang-edu", "EX_ANTE", null, "预算测算表.pdf", PDF).getBody();
    byte[] corrected = (new String(PDF, StandardCharsets.US_ASCII) + "% corrected\n").getBytes(StandardCharsets.US_ASCII);
    JsonNode second = upload("qijiang-edu", "EX_ANTE", null, "预算测算表.pdf", corrected).getBody();

    JsonNode list = list("qijiang-supervisor");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(first.get("id").asLong());
    assertThat(list.get(1).get("id").asLong()).isEqualTo(second.get("id").asLong());
    assertThat(list.get(0).get("sha256").asText()).isNotEqualTo(list.get(1).get("sha256").asText());
    assertThat(http.withBasicAuth("qijiang-supervisor", "demo").getForEntity(first.get("href").asText(), byte[].class)
        .getBody()).isEqualTo(PDF);
    assertThat(http.withBasicAuth("qijiang-supervisor", "demo").getForEntity(second.get("href").asText(), byte[].class)
        .getBody()).isEqualTo(corrected);
    // there is no way to delete one
    ResponseEntity<JsonNode> delete = http.withBasicAuth("qijiang-edu", "demo").exchange(first.get("href").asText(),
        org.springframework.http.HttpMethod.DELETE, null, JsonNode.class);
    assertThat(delete.getStatusCode().value()).isEqualTo(405);
    assertThat(list("qijiang-edu")).hasSize(2);
  }

  @Test
  void aTasklistFormUploadsWithItsSessionOnlyWithTheSessionsCsrfToken() {
    org.jixiao.TasklistSession session = org.jixiao.TasklistSession.login(http, "qijiang-edu", "demo");
    String path = "/api/projects/" + code + "/attachments";

    ResponseEntity<String> forged = session.postMultipart(path, parts("EX_ANTE", "伪造.pdf", PDF), false);
    assertThat(forged.getStatusCode().value()).isEqualTo(401);
    assertThat(list("qijiang-edu")).isEmpty();

    ResponseEntity<String> own = session.postMultipart(path, parts("EX_ANTE", "会话上传.pdf", PDF), true);
    assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(201);
    assertThat(own.getBody()).contains("会话上传.pdf", "\"uploadedBy\":\"qijiang-edu\"");
    assertThat(list("qijiang-supervisor")).hasSize(1);
  }

  private static MultiValueMap<String, Object> parts(String stage, String fileName, byte[] bytes) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("stage", stage);
    body.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return body;
  }

  private JsonNode list(String user) {
    ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").getForEntity("/api/projects/" + code
        + "/attachments", JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  private ResponseEntity<JsonNode> upload(String user, String stage, String step, String fileName, byte[] bytes) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("stage", stage);
    if (step != null) {
      body.add("step", step);
    }
    body.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity("/api/projects/" + code + "/attachments",
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** A multipart upload that declares {@code length} bytes, over a plain socket: the answer's JSON body. */
  private JsonNode declaredTooLarge(String path, long length) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      String auth = java.util.Base64.getEncoder().encodeToString("qijiang-edu:demo".getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      // the head, then a body of the declared length, without waiting for the connection to close
      java.io.InputStream in = socket.getInputStream();
      String head = line(in);
      assertThat(head).startsWith("HTTP/1.1 413");
      int bodyLength = -1;
      for (String header; !(header = line(in)).isEmpty(); ) {
        if (header.toLowerCase().startsWith("content-length:")) {
          bodyLength = Integer.parseInt(header.substring(15).strip());
        }
      }
      assertThat(bodyLength).as("a declared body length").isPositive();
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in.readNBytes(bodyLength));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String line(java.io.InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1 && b != '\n'; ) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static byte[] zip(String... entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (String entry : entries) {
          zip.putNextEntry(new ZipEntry(entry));
          zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
