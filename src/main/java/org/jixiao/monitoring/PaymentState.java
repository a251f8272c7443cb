package org.jixiao.monitoring;

/** Whether money may still be paid for a project this year: normal, suspended (暂缓拨付) or stopped (止损). */
public enum PaymentState {
  NORMAL("正常"),
  SUSPENDED("暂缓拨付"),
  STOPPED("已止损");

  private final String label;

  PaymentState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
