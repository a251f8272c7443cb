package org.jixiao.goal;

/** Whose goals: one project's (项目支出绩效目标) or a department's whole budget (部门整体绩效目标). */
public enum GoalSubject {
  PROJECT("项目支出"),
  DEPARTMENT("部门整体支出");

  private final String label;

  GoalSubject(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
