package org.jixiao.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One node of a district's department tree: a 主管部门 or one of its 所属单位, with its 部门编码 (unique in the
 * district) and the Camunda group (type {@link Role#DEPARTMENT_TYPE}) that tasks name as candidate and whose
 * members are the department's people. See docs/departments.md for the code scheme.
 */
@Entity
@Table(name = "department")
class Department {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String district;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(updatable = false)
  private String parentCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private DepartmentKind kind;

  @Column(nullable = false, updatable = false)
  private String groupId;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Department() {}

  Department(String district, String code, String name, DepartmentKind kind, String parentCode, String groupId,
      OffsetDateTime createdAt) {
    this.district = district;
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
    this.groupId = groupId;
    this.createdAt = createdAt;
  }

  String getDistrict() {
    return district;
  }

  String getCode() {
    return code;
  }

  String getName() {
    return name;
  }

  String getParentCode() {
    return parentCode;
  }

  DepartmentKind getKind() {
    return kind;
  }

  String getGroupId() {
    return groupId;
  }

  Departments.Node node() {
    return new Departments.Node(code, name, kind, parentCode, groupId, district);
  }
}
