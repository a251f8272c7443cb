package org.jixiao.project;

/** When money is applied for (预算阶段). */
public enum BudgetStage {
  ANNUAL("年初预算"),
  MID_YEAR_ADDITION("追加预算"),
  NEW_POLICY("新出台政策");

  private final String label;

  BudgetStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
