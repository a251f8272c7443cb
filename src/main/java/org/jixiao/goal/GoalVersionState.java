package org.jixiao.goal;

/** What became of a version. Only the state changes; the content of a version is never edited. */
public enum GoalVersionState {
  SUBMITTED("待审核"),
  RETURNED("已退回"),
  APPROVED("已批复"),
  SUPERSEDED("已被调整替代"),
  REFUSED("调整未获批准");

  private final String label;

  GoalVersionState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
