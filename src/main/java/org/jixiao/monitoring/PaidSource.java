package org.jixiao.monitoring;

/** Where a report's paid-to-date figure comes from: the budget execution system's import, or the unit's correction. */
public enum PaidSource {
  IMPORT("预算执行系统导入"),
  UNIT("单位更正");

  private final String label;

  PaidSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
