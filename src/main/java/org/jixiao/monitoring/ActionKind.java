package org.jixiao.monitoring;

/** The finance bureau's decision on a red light. */
public enum ActionKind {
  /** 调慢补快: a share of the unspent money is reclaimed into the district's pool */
  RECLAIM("收回资金（调慢补快）"),
  /** the unit submits a correction plan, as on a yellow light */
  ORDER_CORRECTION("责令纠偏"),
  /** 暂缓拨付: the funding gate's payable closes */
  SUSPEND_PAYMENT("暂缓拨付"),
  /** 止损: payment stops and the later rounds end */
  STOP("止损（停止项目）");

  private final String label;

  ActionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
