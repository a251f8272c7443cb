package org.jixiao.project;

/** A reviewer's conclusion, the value of the process variable {@code reviewDecision}. */
public enum ReviewDecision {
  APPROVE("通过"),
  RETURN("退回修改"),
  REJECT("不予通过"),
  /** the applicant's answer to a return */
  RESUBMIT("修改后重新提交");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
