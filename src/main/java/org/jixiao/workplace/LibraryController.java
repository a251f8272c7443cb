package org.jixiao.workplace;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code /api/library}: the project library page's JSON (filters, search, a project's page), the filtered list as
 * .xlsx and the 审批单 as PDF. Only reads, so Tasklist's login serves the page too (webapp session for GET).
 */
@RestController
class LibraryController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ProjectLibrary library;
  private final ApprovalRecords records;
  private final CallerLookup callers;

  LibraryController(ProjectLibrary library, ApprovalRecords records, CallerLookup callers) {
    this.library = library;
    this.records = records;
    this.callers = callers;
  }

  @GetMapping("/api/library/options")
  ProjectLibrary.Options options() {
    return library.options(callers.current());
  }

  @GetMapping("/api/library/projects")
  ProjectLibrary.Result search(@RequestParam Map<String, String> params) {
    return library.search(LibraryFilter.parse(params), callers.current());
  }

  /** The whole filtered list (no paging), built in memory before anything is sent so a refusal is still JSON. */
  @GetMapping("/api/library/projects.xlsx")
  ResponseEntity<byte[]> export(@RequestParam Map<String, String> params, HttpServletResponse response)
      throws IOException {
    Caller caller = callers.current();
    List<LibraryRow> rows = library.rows(LibraryFilter.parse(params), caller);
    if (rows.size() > ProjectLibrary.MAX_EXPORT) {
      throw ApiException.badRequest("符合条件的项目有 " + rows.size() + " 个，超过导出上限 " + ProjectLibrary.MAX_EXPORT
          + " 个，请缩小筛选范围");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    library.export(rows, out);
    return binary(response, XLSX, "project-library.xlsx", "项目库.xlsx", out.toByteArray());
  }

  @GetMapping("/api/library/projects/{code}")
  ProjectPage page(@PathVariable String code) {
    return library.page(code, callers.current());
  }

  @GetMapping("/api/library/projects/{code}/approval-record/{stage}.pdf")
  ResponseEntity<byte[]> approvalRecord(@PathVariable String code, @PathVariable String stage,
      HttpServletResponse response) {
    ApprovalRecords.Pdf pdf = records.pdf(code, stage, callers.current());
    return binary(response, MediaType.APPLICATION_PDF, pdf.asciiName(), pdf.name(), pdf.bytes());
  }

  /** Binary, so the forced UTF-8 charset is taken off; shown in the browser (PDF) or saved (xlsx) under its name. */
  private static ResponseEntity<byte[]> binary(HttpServletResponse response, MediaType type, String ascii,
      String name, byte[] body) {
    response.setCharacterEncoding((String) null);
    String disposition = MediaType.APPLICATION_PDF.equals(type) ? "inline" : "attachment";
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"" + ascii.replaceAll("[^A-Za-z0-9._-]", "_")
            + "\"; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
