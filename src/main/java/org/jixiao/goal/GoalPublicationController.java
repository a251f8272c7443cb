package org.jixiao.goal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * 绩效目标公开 over HTTP: a district's approved goals of a budget year as JSON, or as the .xlsx sheet that goes
 * to the people's congress and onto the government website.
 */
@RestController
class GoalPublicationController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final GoalPublication publication;
  private final CallerLookup callers;

  GoalPublicationController(GoalPublication publication, CallerLookup callers) {
    this.publication = publication;
    this.callers = callers;
  }

  @GetMapping("/api/goal-publication/{district}/{budgetYear}")
  GoalPublication.Publication publication(@PathVariable String district, @PathVariable int budgetYear) {
    return publication.publish(district, budgetYear, callers.current());
  }

  /**
   * The same as a spreadsheet. Built in memory before anything is sent, so a refusal is still JSON; a year's
   * approved goals of a district are at most a few megabytes. The file is binary: the UTF-8 charset that
   * {@code server.servlet.encoding.force} puts on every response is taken off again.
   */
  @GetMapping("/api/goal-publication/{district}/{budgetYear}/xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String district, @PathVariable int budgetYear,
      HttpServletResponse response) throws IOException {
    GoalPublication.Publication published = publication.publish(district, budgetYear, callers.current());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    publication.write(published, out);
    response.setCharacterEncoding((String) null);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(published.asciiFileName(), published.fileName()))
        .body(out.toByteArray());
  }

  /**
   * {@code attachment; filename="goals-qijiang-2027.xlsx"; filename*=UTF-8''%E7%B6%A6…}: the Chinese name for
   * every current browser, a plain ASCII one for the rest. (Spring's {@code ContentDisposition} with a charset
   * gives an RFC 2047 encoded word as the fallback instead, which older clients show as is.)
   */
  static String attachment(String asciiName, String name) {
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
        + UriUtils.encode(name, StandardCharsets.UTF_8);
  }
}
