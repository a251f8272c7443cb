package org.jixiao.project;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A project or policy (项目/政策) in the project library; its code is the business key of its processes. */
@Entity
@Table(name = "project")
public class Project {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String department;

  /** 申报金额，元 */
  @Column(nullable = false)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProjectStatus status;

  @Column(nullable = false, updatable = false)
  private String applicant;

  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("givenAt ASC, id ASC")
  private List<Opinion> opinions = new ArrayList<>();

  protected Project() {}

  Project(String code, String name, String district, String department, BigDecimal amount, String applicant,
      OffsetDateTime now) {
    this.code = code;
    this.name = name;
    this.district = district;
    this.department = department;
    this.amount = amount;
    this.applicant = applicant;
    this.status = ProjectStatus.SUBMITTED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void addOpinion(Opinion opinion, ProjectStatus newStatus) {
    opinions.add(opinion);
    moveTo(newStatus, opinion.getGivenAt());
  }

  void moveTo(ProjectStatus newStatus, OffsetDateTime now) {
    this.status = newStatus;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDistrict() {
    return district;
  }

  public String getDepartment() {
    return department;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public ProjectStatus getStatus() {
    return status;
  }

  public String getApplicant() {
    return applicant;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public List<Opinion> getOpinions() {
    return Collections.unmodifiableList(opinions);
  }
}
