package org.jixiao.project;

/** A reviewer's conclusion, the value of the process variable {@code reviewDecision}. */
public enum ReviewDecision {
  /** 通过 */
  APPROVE,
  /** 退回修改 */
  RETURN,
  /** 不予通过 */
  REJECT,
  /** 申报单位修改后重新提交 */
  RESUBMIT
}
