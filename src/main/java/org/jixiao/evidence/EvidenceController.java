package org.jixiao.evidence;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 佐证材料 of a project: upload (multipart), list, download. */
@RestController
@RequestMapping("/api/projects/{code}/attachments")
class EvidenceController {

  private final Evidence evidence;
  private final CallerLookup callers;

  EvidenceController(Evidence evidence, CallerLookup callers) {
    this.evidence = evidence;
    this.callers = callers;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Evidence.EvidenceView> upload(@PathVariable String code, @RequestParam("stage") String stage,
      @RequestParam(name = "step", required = false) String step, @RequestPart("file") MultipartFile file) {
    return ResponseEntity.status(HttpStatus.CREATED).body(evidence.upload(code, stage, step, file, callers.current()));
  }

  @GetMapping
  List<Evidence.EvidenceView> list(@PathVariable String code, @RequestParam(name = "stage", required = false) String stage) {
    return evidence.list(code, stage, callers.current());
  }

  /**
   * The bytes as uploaded, with the stored content type (no charset: the file is not text) and as an attachment,
   * so a browser saves it instead of rendering it in our origin.
   */
  @GetMapping("/{id}")
  void download(@PathVariable String code, @PathVariable Long id, HttpServletResponse response) throws IOException {
    Evidence.Download download = evidence.download(code, id, callers.current());
    response.setCharacterEncoding((String) null);
    response.setContentType(download.file().getContentType());
    response.setContentLength(download.content().length);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(download.file().getFileName(), StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Checksum-SHA256", download.file().getSha256());
    response.getOutputStream().write(download.content());
  }
}
