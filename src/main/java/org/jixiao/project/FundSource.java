package org.jixiao.project;

/** The budget the money comes from (资金来源). */
public enum FundSource {
  GENERAL_PUBLIC_BUDGET("一般公共预算"),
  GOVERNMENT_FUND_BUDGET("政府性基金预算"),
  STATE_CAPITAL_BUDGET("国有资本经营预算"),
  SOCIAL_INSURANCE_FUND_BUDGET("社会保险基金预算");

  private final String label;

  FundSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
