package org.jixiao.project;

/**
 * The stage of the project-year lifecycle ({@code Process_ProjectYear}) a project is in, written by the
 * lifecycle's own steps; {@link ProjectStatus} says where it stands within the ex-ante assessment (and why a
 * lifecycle that ended there ended). See docs/processes/project-year.md for the mapping to the process.
 */
public enum ProjectStage {
  /** 事前绩效评估与入库 (Call_ExAnteAssessment), from the application on; a rejected or withdrawn project stays here */
  EX_ANTE("事前绩效评估"),
  /** 绩效目标编制与审核 (Call_GoalReview): listed, its goal set opened, review (and 抽审) under way */
  GOALS("绩效目标编制与审核"),
  /** 目标已批复，待运行监控: goal review ended with approved goals */
  GOALS_APPROVED("目标已批复，待运行监控"),
  /** 绩效运行监控 (Call_ExecutionMonitoring): the year's monitoring rounds under way */
  MONITORING("绩效运行监控"),
  /** 运行监控结束，待绩效评价: the year's rounds done */
  MONITORED("运行监控结束，待绩效评价"),
  /** 止损: the finance bureau stopped the project on a red light; its monitoring ended */
  STOPPED("已止损");

  private final String label;

  ProjectStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
