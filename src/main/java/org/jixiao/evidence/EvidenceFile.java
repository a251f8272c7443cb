package org.jixiao.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.jixiao.stage.Stage;

/**
 * One 佐证材料 file of a project in a stage: its name, checked type, size and SHA-256, who uploaded it and when.
 * Never changed or deleted; a replacement is a new file. The bytes are kept apart ({@link EvidenceContent}).
 */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String projectCode;

  @Column(nullable = false, updatable = false)
  private String district;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Stage stage;

  @Column(updatable = false)
  private String step;

  @Column(nullable = false, updatable = false)
  private String fileName;

  @Column(nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(nullable = false, updatable = false)
  private String uploadedBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime uploadedAt;

  protected EvidenceFile() {}

  EvidenceFile(String projectCode, String district, Stage stage, String step, String fileName, String contentType,
      long size, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    this.projectCode = projectCode;
    this.district = district;
    this.stage = stage;
    this.step = step;
    this.fileName = fileName;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long getId() {
    return id;
  }

  public String getProjectCode() {
    return projectCode;
  }

  public String getDistrict() {
    return district;
  }

  public Stage getStage() {
    return stage;
  }

  public String getStep() {
    return step;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public OffsetDateTime getUploadedAt() {
    return uploadedAt;
  }
}
