package org.jixiao.goal;

/** How an indicator's result is held against its target: ≥, ≤, = a number, or a qualitative target (定性). */
public enum TargetComparator {
  GE("≥", true),
  LE("≤", true),
  EQ("=", true),
  QUALITATIVE("定性", false);

  private final String symbol;
  private final boolean quantitative;

  TargetComparator(String symbol, boolean quantitative) {
    this.symbol = symbol;
    this.quantitative = quantitative;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether the target is a number (定量). */
  public boolean quantitative() {
    return quantitative;
  }
}
