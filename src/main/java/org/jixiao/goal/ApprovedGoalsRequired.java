package org.jixiao.goal;

import java.util.List;
import org.jixiao.project.FundingCondition;
import org.jixiao.project.FundingEligibility;
import org.jixiao.project.ProjectRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No goals, no budget (未按照规定设定绩效目标或目标审核未通过的不得安排预算, Qijiang; Enyang: 无目标不得安排预算): the
 * project's goals for its budget year must have an approved version before money moves.
 */
@Component
class ApprovedGoalsRequired implements FundingCondition {

  private final GoalSetRepository sets;

  ApprovedGoalsRequired(GoalSetRepository sets) {
    this.sets = sets;
  }

  @Override
  @Transactional(readOnly = true)
  public List<FundingEligibility.Reason> reasonsAgainst(ProjectRef project) {
    boolean approved = sets.findByProjectId(project.id()).stream()
        .anyMatch(s -> s.getBudgetYear() == project.budgetYear() && s.approved().isPresent());
    if (approved) {
      return List.of();
    }
    return List.of(new FundingEligibility.Reason("GOALS_NOT_APPROVED",
        "无目标不得安排预算：" + project.budgetYear() + " 年度绩效目标尚未批复"));
  }
}
