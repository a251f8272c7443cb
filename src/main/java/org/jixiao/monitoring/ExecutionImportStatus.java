package org.jixiao.monitoring;

/** An execution-data import: previewed (nothing changed yet), or applied to the reports (once). */
public enum ExecutionImportStatus {
  PREVIEW("待确认"),
  APPLIED("已导入");

  private final String label;

  ExecutionImportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
