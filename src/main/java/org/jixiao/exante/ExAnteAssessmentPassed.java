package org.jixiao.exante;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.project.FundingCondition;
import org.jixiao.project.FundingEligibility;
import org.jixiao.project.Project;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.jixiao.project.RuleResults;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.StageOpinion;
import org.jixiao.stage.SubjectType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 应评未评 (Jilin 22; Enyang 必备要件): where the district's rules require an ex-ante assessment, money moves
 * only when it has actually happened: for each step the rule results require (部门自评估, 主管部门审核,
 * 财政再评估, 联合会审) an approving opinion of that step is recorded since the last resubmission, and the
 * project is listed. The project's status alone does not open the gate.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExAnteAssessmentPassed implements FundingCondition {

  static final String CODE = "EX_ANTE_NOT_PASSED";

  /** ProjectService asks every condition; it is looked up when asked, not when built. */
  private final ObjectProvider<ProjectService> projects;
  private final Opinions opinions;

  ExAnteAssessmentPassed(ObjectProvider<ProjectService> projects, Opinions opinions) {
    this.projects = projects;
    this.opinions = opinions;
  }

  @Override
  @Transactional(readOnly = true)
  public List<FundingEligibility.Reason> reasonsAgainst(ProjectRef ref) {
    Project project = projects.getObject().project(ref.code());
    RuleResults rules = project.getRuleResults();
    if (rules == null || !Boolean.TRUE.equals(rules.exAnteRequired())) {
      return List.of();
    }
    List<String> missing = missingSteps(rules, opinions.ofSubject(SubjectType.PROJECT, ref.code()));
    if (!missing.isEmpty()) {
      return List.of(new FundingEligibility.Reason(CODE,
          "应评未评：未经" + String.join("、", missing) + "（本项目按规定须开展事前绩效评估：" + rules.ruleBasis() + "）"));
    }
    if (project.getStatus() != ProjectStatus.LISTED) {
      return List.of(new FundingEligibility.Reason(CODE,
          "应评未评：本项目按规定须开展事前绩效评估（" + rules.ruleBasis() + "），评估尚未通过"));
    }
    return List.of();
  }

  /**
   * The required steps (their Chinese names) whose latest opinion since the last resubmission is not an
   * approval (a submission, for the self-assessment), or that have none.
   */
  static List<String> missingSteps(RuleResults rules, List<StageOpinion> opinions) {
    int roundStart = 0;
    for (int i = 0; i < opinions.size(); i++) {
      if (opinions.get(i).getDecision() == ReviewDecision.RESUBMIT) {
        roundStart = i + 1;
      }
    }
    List<StageOpinion> round = opinions.subList(roundStart, opinions.size());
    List<String> missing = new ArrayList<>();
    if (Boolean.TRUE.equals(rules.selfAssessmentRequired())
        && !lastIs(round, ExAnteProcess.TASK_SELF_ASSESS, ReviewDecision.SUBMIT)) {
      missing.add("部门自评估");
    }
    if (!lastIs(round, ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR, ReviewDecision.APPROVE)) {
      missing.add("主管部门审核");
    }
    if (Boolean.TRUE.equals(rules.financeReassessmentRequired())
        && !lastIs(round, ExAnteProcess.TASK_REASSESS, ReviewDecision.APPROVE)) {
      missing.add("财政再评估");
    }
    if (Boolean.TRUE.equals(rules.jointReviewRequired())
        && !lastIs(round, ExAnteProcess.TASK_JOINT_REVIEW, ReviewDecision.APPROVE)) {
      missing.add("联合会审");
    }
    return missing;
  }

  private static boolean lastIs(List<StageOpinion> round, String step, ReviewDecision decision) {
    for (int i = round.size() - 1; i >= 0; i--) {
      if (step.equals(round.get(i).getStep())) {
        return round.get(i).getDecision() == decision;
      }
    }
    return false;
  }
}
