package org.jixiao.goal;

/** Where a goal set stands. */
public enum GoalSetStatus {
  DRAFTING("编制中"),
  UNDER_REVIEW("审核中"),
  RETURNED("退回修改"),
  APPROVED("已批复"),
  REOPENED("抽审退回修改"),
  ADJUSTING("调整审核中");

  private final String label;

  GoalSetStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
