package org.jixiao.stage;

/** The stages of the performance chain (全过程), each with its own process; opinions name the stage they belong to. */
public enum Stage {
  /** 事前绩效评估 */
  EX_ANTE("事前绩效评估"),
  /** 绩效目标管理 */
  GOALS("绩效目标管理"),
  /** 绩效运行监控 */
  MONITORING("绩效运行监控"),
  /** 绩效评价 */
  EVALUATION("绩效评价"),
  /** 评价结果应用：整改 */
  RECTIFICATION("问题整改");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
