package org.jixiao.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of one {@link EvidenceFile}, read only to download it. */
@Entity
@Table(name = "evidence_content")
class EvidenceContent {

  @Id
  private Long fileId;

  @Column(nullable = false, updatable = false)
  private byte[] content;

  protected EvidenceContent() {}

  EvidenceContent(Long fileId, byte[] content) {
    this.fileId = fileId;
    this.content = content;
  }

  byte[] content() {
    return content;
  }
}
