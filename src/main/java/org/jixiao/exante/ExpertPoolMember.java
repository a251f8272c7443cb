package org.jixiao.exante;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An expert of a district's expert pool (专家库): the user, the department they are affiliated with (a
 * DEPARTMENT group id; none for an independent expert), their field, and whether they may be chosen or drawn.
 */
@Entity
@Table(name = "expert_pool_member")
public class ExpertPoolMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String userId;

  private String affiliation;

  private String field;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private String updatedBy;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  protected ExpertPoolMember() {}

  ExpertPoolMember(String district, String userId) {
    this.district = district;
    this.userId = userId;
  }

  void update(String affiliation, String field, boolean active, String by, OffsetDateTime at) {
    this.affiliation = affiliation;
    this.field = field;
    this.active = active;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public String getDistrict() {
    return district;
  }

  public String getUserId() {
    return userId;
  }

  public String getAffiliation() {
    return affiliation;
  }

  public String getField() {
    return field;
  }

  public boolean isActive() {
    return active;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
