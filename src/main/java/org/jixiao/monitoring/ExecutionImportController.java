package org.jixiao.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import org.jixiao.identity.CallerLookup;
import org.jixiao.system.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * 执行数据导入 over HTTP: upload (multipart {@code file}, {@code district}) → 201 preview; read it; apply it once.
 * The upload path has the larger request cap (10 MB, system/RequestSizeLimit).
 */
@RestController
class ExecutionImportController {

  static final String PATH = "/api/monitoring/execution-imports";

  private final ExecutionImports imports;
  private final CallerLookup callers;

  ExecutionImportController(ExecutionImports imports, CallerLookup callers) {
    this.imports = imports;
    this.callers = callers;
  }

  @PostMapping(PATH)
  ResponseEntity<ExecutionImports.ImportView> upload(@RequestParam String district,
      @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new org.jixiao.system.InvalidInputException("请上传预算执行数据文件（.xlsx 或 .csv，表单字段 file）");
    }
    ExecutionImports.ImportView view = imports.preview(district, file.getOriginalFilename(), file.getBytes(),
        callers.current());
    return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
  }

  @GetMapping(PATH + "/{id}")
  ExecutionImports.ImportView find(@PathVariable Long id) {
    return imports.find(id, callers.current());
  }

  @PostMapping(PATH + "/{id}/apply")
  ExecutionImports.ImportView apply(@PathVariable Long id) {
    return imports.apply(id, callers.current());
  }

  /** Not a multipart upload at all, or without its file part: the client's error, not ours. */
  @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
  ResponseEntity<ApiError> notAnUpload(Exception e, HttpServletRequest request) {
    if (e instanceof MaxUploadSizeExceededException) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(413, "上传文件过大", request.getRequestURI()));
    }
    return ResponseEntity.badRequest().body(new ApiError(400, "请求有误",
        "请以 multipart/form-data 上传文件（字段 file）并注明辖区（字段 district）", request.getRequestURI(),
        OffsetDateTime.now(), null));
  }
}
