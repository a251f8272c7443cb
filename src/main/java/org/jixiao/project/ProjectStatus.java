package org.jixiao.project;

/** Where a project stands in the chain. */
public enum ProjectStatus {
  SUBMITTED("已申报，待审核"),
  RETURNED("已退回修改"),
  LISTED("已入库"),
  REJECTED("不予入库");

  private final String label;

  ProjectStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
