package org.jixiao.identity;

/** The two levels of a district's department tree (部门树). */
public enum DepartmentKind {
  /** 主管部门: reviews its units' applications and goals (初审); has no parent. */
  SUPERVISING("主管部门"),
  /** 所属单位: a budget unit under one 主管部门; applies, drafts goals, reports. */
  UNIT("所属单位");

  private final String label;

  DepartmentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
