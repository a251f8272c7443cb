package org.jixiao.project;

import java.util.List;

/**
 * The gate later stages ask before money moves: whether the project may be budgeted (安排预算), procured
 * (招投标采购) and paid (拨付资金), and if not, why. Jilin 22: 应评未评 may none of the three.
 */
public record FundingEligibility(String code, boolean eligible, boolean budgetable, boolean procurable,
    boolean payable, List<Reason> reasons) {

  /** A reason the gate is closed: a stable code and a Chinese explanation. */
  public record Reason(String code, String message) {}

  static FundingEligibility of(Project project, List<FundingCondition> conditions) {
    List<Reason> reasons = new java.util.ArrayList<>();
    ProjectRef ref = ProjectRef.of(project);
    // the stages' own conditions first (the ex-ante assessment's 应评未评, then goals, …), in bean order
    for (FundingCondition condition : conditions) {
      reasons.addAll(condition.reasonsAgainst(ref));
    }
    if (project.getStatus() != ProjectStatus.LISTED) {
      reasons.add(new Reason("NOT_LISTED", "项目未入库（当前状态：" + project.getStatus().label() + "）"));
    }
    boolean open = reasons.isEmpty();
    return new FundingEligibility(project.getCode(), open, open, open, open, List.copyOf(reasons));
  }
}
