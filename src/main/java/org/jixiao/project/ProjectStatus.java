package org.jixiao.project;

/** Where a project stands in the chain. */
public enum ProjectStatus {
  SUBMITTED("已申报，评估审核中"),
  RETURNED("已退回修改"),
  LISTED("已入库"),
  REJECTED("不予入库"),
  WITHDRAWN("已撤回");

  private final String label;

  ProjectStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
