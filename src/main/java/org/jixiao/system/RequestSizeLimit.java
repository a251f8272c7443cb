package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the cap with 413 and a JSON body in Chinese, before security or any resource
 * reads it: a declared {@code Content-Length} over the cap at once, a chunked body (no length) by counting
 * its bytes while reading it, up to one byte past the cap. Attachments and deployments (multipart uploads)
 * have their own, larger cap. Form posts (the webapps' login) are capped by Tomcat's own form limit, set to
 * the same size.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  /** The servlet paths the filter is registered for. */
  static final String[] PATHS = {"/api/*", "/engine-rest/*", "/camunda/api/*"};

  private final long maxBody;
  private final long maxUpload;
  private final ObjectMapper json;

  RequestSizeLimit(DataSize maxBody, DataSize maxUpload, ObjectMapper json) {
    this.maxBody = maxBody.toBytes();
    this.maxUpload = maxUpload.toBytes();
    this.json = json;
  }

  /** Upload paths of our own API that take the upload cap: the budget execution data (执行数据导入), and 佐证材料 below. */
  static final java.util.Set<String> UPLOAD_PATHS = java.util.Set.of("/api/monitoring/execution-imports");
  /** 佐证材料: a project's attachments ({@code /api/projects/{code}/attachments}). */
  static final java.util.regex.Pattern EVIDENCE_UPLOAD = java.util.regex.Pattern.compile("/api/projects/[^/]+/attachments");

  static boolean isUploadPath(String uri) {
    return UPLOAD_PATHS.contains(uri) || EVIDENCE_UPLOAD.matcher(uri).matches();
  }

  /** The cap of this request: uploads of attachments, deployments and execution data have their own. */
  long capOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.endsWith("/attachment/create") || uri.endsWith("/deployment/create") || isUploadPath(uri)
        ? maxUpload : maxBody;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long cap = capOf(request);
    long declared = request.getContentLengthLong();
    if (declared > cap) {
      refuse(request, response, cap);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !isFormPost(request)
        && !isOwnMultipartUpload(request)) {
      byte[] body = readUpTo(request.getInputStream(), cap);
      if (body == null) {
        refuse(request, response, cap);
        return;
      }
      chain.doFilter(new ReadBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * A chunked multipart upload to one of our own upload paths is not read ahead: Spring parses its parts from the
   * container's own stream (which a read-ahead would leave empty), and the multipart limits
   * ({@code spring.servlet.multipart.*}, set to the upload cap) refuse a larger one with 413.
   */
  private static boolean isOwnMultipartUpload(HttpServletRequest request) {
    String type = request.getContentType();
    return isUploadPath(request.getRequestURI()) && type != null
        && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  private static boolean isFormPost(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  /** The whole body, or null once it grows past {@code cap}. */
  static byte[] readUpTo(InputStream in, long cap) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > cap) {
        return null;
      }
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, long cap) throws IOException {
    String message = "请求内容过大（上限 " + readable(cap) + "）";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "PayloadTooLarge");
    body.put("status", 413);
    body.put("error", ApiError.title(413));
    body.put("message", message);
    body.put("path", request.getRequestURI());
    response.setStatus(413);
    // the rest of the body is not read: the connection closes after the answer instead
    response.setHeader("Connection", "close");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    byte[] bytes = json.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    // sent now: the container may still wait for the unread body before it closes the connection
    response.flushBuffer();
  }

  static String readable(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " 字节";
  }

  /** The request with its body already read (and counted). */
  static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body has been read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
