package org.jixiao.goal;

/** Why a version exists: the first submission (一上), a revision after opinions (二上 and later), an adjustment. */
public enum GoalVersionKind {
  SUBMISSION("首次申报"),
  REVISION("修改后报送"),
  ADJUSTMENT("执行中调整");

  private final String label;

  GoalVersionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
