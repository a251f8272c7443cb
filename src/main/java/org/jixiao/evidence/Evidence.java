package org.jixiao.evidence;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.project.Project;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStage;
import org.jixiao.project.ProjectStatus;
import org.jixiao.stage.Stage;
import org.jixiao.stage.TextSafety;
import org.jixiao.system.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * 佐证材料: files a budget unit attaches to its project in the application (事前评估), goal and monitoring stages.
 * Readable exactly by those who may read the project (another department's or district's project reads as one
 * that does not exist); uploaded by the unit that owns the project while that stage is open; checked by their
 * bytes; never changed or deleted, so the list is the history.
 */
@Service
public class Evidence {

  /** The stages that take 佐证材料. */
  static final Set<Stage> STAGES = EnumSet.of(Stage.EX_ANTE, Stage.GOALS, Stage.MONITORING);

  private final EvidenceFileRepository files;
  private final EvidenceContentRepository contents;
  private final ProjectService projects;
  private final IdentityNames names;
  private final long maxSize;

  Evidence(EvidenceFileRepository files, EvidenceContentRepository contents, ProjectService projects,
      IdentityService identityService, @Value("${jixiao.requests.max-upload-size:10MB}") DataSize maxSize) {
    this.files = files;
    this.contents = contents;
    this.projects = projects;
    this.names = new IdentityNames(identityService);
    this.maxSize = maxSize.toBytes();
  }

  /** A file as the list shows it, with its download address. */
  public record EvidenceView(Long id, String projectCode, Stage stage, String stageLabel, String step, String fileName,
      String contentType, long size, String sha256, String uploadedBy, String uploadedByName,
      OffsetDateTime uploadedAt, String href) {}

  /** A file to download: its record and bytes. */
  public record Download(EvidenceFile file, byte[] content) {}

  @Transactional
  public EvidenceView upload(String code, String stageName, String step, MultipartFile upload, Caller caller) {
    Project project = readable(code, caller);
    if (!caller.isAdministrator() && !caller.belongsTo(project.getDepartment())) {
      throw ApiException.forbidden("佐证材料由申报单位上传；审核人可以查看和下载：" + code);
    }
    Stage stage = stage(stageName);
    requireOpen(project, stage);
    String stepId = step == null || step.isBlank() ? null : step.strip();
    if (stepId != null && !stepId.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
      throw ApiException.badRequest("环节编号无效：应为流程中的环节编号，如 Task_SelfAssess");
    }
    if (upload == null || upload.isEmpty()) {
      throw ApiException.badRequest("请选择要上传的文件（文件不能为空）");
    }
    if (upload.getSize() > maxSize) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "单个文件不能超过 " + DataSize.ofBytes(maxSize).toMegabytes()
          + " MB：" + upload.getOriginalFilename());
    }
    String fileName = fileName(upload.getOriginalFilename());
    byte[] bytes;
    try {
      bytes = upload.getBytes();
    } catch (IOException e) {
      throw ApiException.badRequest("文件读取失败，请重新上传");
    }
    FileTypes.Kind kind = FileTypes.check(FileTypes.extension(fileName), bytes).orElseThrow(() ->
        ApiException.badRequest("不支持的文件类型或文件内容与扩展名不符：" + fileName + "。可上传 " + FileTypes.ALLOWED));
    EvidenceFile file = files.save(new EvidenceFile(project.getCode(), project.getDistrict(), stage, stepId, fileName,
        kind.contentType(), bytes.length, sha256(bytes), caller.userId(), OffsetDateTime.now()));
    contents.save(new EvidenceContent(file.getId(), bytes));
    return view(file);
  }

  /** Every file of the project (optionally of one stage), oldest first: replaced files stay listed. */
  @Transactional(readOnly = true)
  public List<EvidenceView> list(String code, String stageName, Caller caller) {
    Project project = readable(code, caller);
    Stage stage = stageName == null || stageName.isBlank() ? null : stage(stageName);
    return files.findByProjectCodeOrderByUploadedAtAscIdAsc(project.getCode()).stream()
        .filter(f -> stage == null || f.getStage() == stage).map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public Download download(String code, Long id, Caller caller) {
    Project project = readable(code, caller);
    EvidenceFile file = files.findByIdAndProjectCode(id, project.getCode())
        .orElseThrow(() -> ApiException.notFound("佐证材料不存在：" + id));
    byte[] content = contents.findById(file.getId()).map(EvidenceContent::content)
        .orElseThrow(() -> new IllegalStateException("evidence file without content: " + id));
    return new Download(file, content);
  }

  /** The project if the caller may read it; else 404, the same answer as for a code that does not exist. */
  private Project readable(String code, Caller caller) {
    projects.find(code, caller); // 404 for another department's or district's project
    return projects.project(code);
  }

  private static Stage stage(String name) {
    try {
      Stage stage = Stage.valueOf(name == null ? "" : name.strip());
      if (STAGES.contains(stage)) {
        return stage;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw ApiException.badRequest("阶段无效：应为 EX_ANTE（事前绩效评估）、GOALS（绩效目标）或 MONITORING（运行监控）");
  }

  /** A stage takes files while the project is in it: the application until it is listed, rejected or withdrawn. */
  private static void requireOpen(Project project, Stage stage) {
    boolean open = switch (stage) {
      case EX_ANTE -> project.getStage() == ProjectStage.EX_ANTE
          && (project.getStatus() == ProjectStatus.SUBMITTED || project.getStatus() == ProjectStatus.RETURNED);
      case GOALS -> project.getStage() == ProjectStage.GOALS;
      case MONITORING -> project.getStage() == ProjectStage.MONITORING;
      default -> false;
    };
    if (!open) {
      throw ApiException.conflict("项目当前处于“" + project.getStage().label() + "”（" + project.getStatus().label()
          + "），不能再上传“" + stage.label() + "”阶段的佐证材料：" + project.getCode());
    }
  }

  /** The name without any path part, checked like every text we keep (TextSafety), at most 255 characters. */
  static String fileName(String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw ApiException.badRequest("文件名不能为空");
    }
    if (name.length() > 255) {
      throw ApiException.badRequest("文件名不能超过 255 个字符");
    }
    TextSafety.problem(name).ifPresent(problem -> {
      throw ApiException.badRequest("文件名" + problem + "，请重命名后上传");
    });
    return name;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private EvidenceView view(EvidenceFile f) {
    return new EvidenceView(f.getId(), f.getProjectCode(), f.getStage(), f.getStage().label(), f.getStep(),
        f.getFileName(), f.getContentType(), f.getSize(), f.getSha256(), f.getUploadedBy(), names.user(f.getUploadedBy()),
        f.getUploadedAt(), "/api/projects/" + f.getProjectCode() + "/attachments/" + f.getId());
  }
}
