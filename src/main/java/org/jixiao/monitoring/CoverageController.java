package org.jixiao.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** 监控覆盖率与报表 of a district and year, as JSON or as an .xlsx workbook with Chinese headers. */
@RestController
class CoverageController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CoverageReports coverage;
  private final CallerLookup callers;

  CoverageController(CoverageReports coverage, CallerLookup callers) {
    this.coverage = coverage;
    this.callers = callers;
  }

  @GetMapping("/api/monitoring/coverage")
  CoverageReports.Coverage coverage(@RequestParam String district, @RequestParam int year) {
    return coverage.coverage(district, year, callers.current());
  }

  /**
   * The same as a workbook, built in memory before anything is sent (so a refusal is still JSON); binary, so the
   * forced UTF-8 charset is taken off the response.
   */
  @GetMapping("/api/monitoring/coverage.xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam String district, @RequestParam int year, HttpServletResponse response)
      throws IOException {
    CoverageReports.Coverage report = coverage.coverage(district, year, callers.current());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coverage.write(report, out);
    response.setCharacterEncoding((String) null);
    String ascii = "monitoring-coverage-" + district + "-" + year + ".xlsx";
    String name = "绩效运行监控覆盖率-" + report.districtName() + "-" + year + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + UriUtils.encode(name, StandardCharsets.UTF_8))
        .body(out.toByteArray());
  }
}
