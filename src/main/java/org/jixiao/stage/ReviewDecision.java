package org.jixiao.stage;

/** A reviewer's conclusion, the value of the process variable {@code reviewDecision}. */
public enum ReviewDecision {
  APPROVE("通过"),
  RETURN("退回修改"),
  REJECT("不予通过"),
  /** back to the step before this one (the previous reviewer, or the self-assessment) */
  BACK("退回上一步"),
  /** an expert's 同意 in the panel */
  AGREE("同意"),
  /** an expert's 不同意 in the panel */
  DISAGREE("不同意"),
  /** the applicant's answer to a return */
  RESUBMIT("修改后重新提交"),
  /** the department's self-assessment handed in */
  SUBMIT("提交自评估"),
  /** the finance performance section followed up an overdue step (督办) */
  SUPERVISE("超期督办"),
  /** 一下: the finance bureau sends its review opinions back to the unit (两上两下) */
  FEEDBACK("反馈意见"),
  /** Goals submitted (一上), revised (二上 …), or a change requested during execution */
  SUBMIT_GOALS("报送绩效目标"),
  RESUBMIT_GOALS("修改后重新报送"),
  REQUEST_ADJUSTMENT("申请调整目标"),
  /** 运行监控: the unit's report of a round, its correction plan, the finance bureau's decision on a red light */
  SUBMIT_REPORT("报送监控情况"),
  SUBMIT_PLAN("报送纠偏计划"),
  DECIDE_RED_LIGHT("红灯处置"),
  /** the applicant withdrew the application */
  WITHDRAW("撤回申报");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
