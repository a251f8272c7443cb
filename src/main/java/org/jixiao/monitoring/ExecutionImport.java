package org.jixiao.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * One upload of the budget execution system's paid-to-date figures for a district (执行数据导入): stored as a
 * preview when every row is valid, applied to the open rounds' reports once.
 */
@Entity
@Table(name = "execution_import")
public class ExecutionImport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String fileName;

  /** Data rows in the file */
  @Column(nullable = false, updatable = false)
  private int rowCount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ExecutionImportStatus status;

  @Column(nullable = false, updatable = false)
  private String createdBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  private String appliedBy;

  private OffsetDateTime appliedAt;

  @Version
  private long version;

  protected ExecutionImport() {}

  ExecutionImport(String district, String fileName, int rowCount, String createdBy, OffsetDateTime now) {
    this.district = district;
    this.fileName = fileName;
    this.rowCount = rowCount;
    this.status = ExecutionImportStatus.PREVIEW;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  void applied(String by, OffsetDateTime now) {
    this.status = ExecutionImportStatus.APPLIED;
    this.appliedBy = by;
    this.appliedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getDistrict() {
    return district;
  }

  public String getFileName() {
    return fileName;
  }

  public int getRowCount() {
    return rowCount;
  }

  public ExecutionImportStatus getStatus() {
    return status;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public String getAppliedBy() {
    return appliedBy;
  }

  public OffsetDateTime getAppliedAt() {
    return appliedAt;
  }
}
