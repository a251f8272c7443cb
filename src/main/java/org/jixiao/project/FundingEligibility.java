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
    RuleResults rules = project.getRuleResults();
    boolean assessmentRequired = rules != null && Boolean.TRUE.equals(rules.exAnteRequired());
    if (project.getStatus() != ProjectStatus.LISTED) {
      if (assessmentRequired) {
        reasons.add(new Reason("EX_ANTE_NOT_PASSED",
            "应评未评：本项目按规定须开展事前绩效评估（" + rules.ruleBasis() + "），评估尚未通过"));
      }
      reasons.add(new Reason("NOT_LISTED", "项目未入库（当前状态：" + project.getStatus().label() + "）"));
    }
    ProjectRef ref = ProjectRef.of(project);
    for (FundingCondition condition : conditions) {
      reasons.addAll(condition.reasonsAgainst(ref));
    }
    boolean open = reasons.isEmpty();
    return new FundingEligibility(project.getCode(), open, open, open, open, List.copyOf(reasons));
  }
}
