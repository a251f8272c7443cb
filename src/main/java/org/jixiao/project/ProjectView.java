package org.jixiao.project;

import org.jixiao.stage.DimensionScores;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.StageOpinion;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;

/**
 * A project as the API shows it, with its opinion history in the order given. Codes come with their
 * Chinese labels ({@code statusLabel}, {@code stageLabel}, {@code decisionLabel}, {@code reviewerRoleLabel}) for forms.
 */
public record ProjectView(String code, String name, String district, String department,
    String departmentName, String supervisingDepartment, ItemType itemType, String itemTypeLabel,
    BudgetStage budgetStage, String budgetStageLabel, boolean newSpending, FundSource fundSource,
    String fundSourceLabel, int periodYears, int budgetYear, String category, BigDecimal amount, BigDecimal approvedAmount, BigDecimal cutAmount,
    ProjectStatus status, String statusLabel, ProjectStage stage, String stageLabel, RuleResults ruleResults, String applicant, String processInstanceId,
    OffsetDateTime createdAt, OffsetDateTime updatedAt, List<OpinionView> opinions) {

  public record OpinionView(String step, String stepName, String reviewer, String reviewerName, String reviewerRole,
      String reviewerRoleLabel, ReviewDecision decision, String decisionLabel, String comment,
      DimensionScores scores, String conclusion, OffsetDateTime givenAt) {}

  /** The view; {@code supervisingDepartment} is the name the application gave, else the 主管部门 of the tree. */
  static ProjectView of(Project p, List<StageOpinion> opinions, IdentityNames names, String supervisingDepartment) {
    return new ProjectView(p.getCode(), p.getName(), p.getDistrict(), p.getDepartment(),
        names.group(p.getDepartment()), supervisingDepartment, p.getItemType(), p.getItemType().label(),
        p.getBudgetStage(), p.getBudgetStage().label(), p.isNewSpending(), p.getFundSource(),
        p.getFundSource().label(), p.getPeriodYears(), p.getBudgetYear(), p.getCategory(), p.getAmount(), p.getApprovedAmount(), p.getCutAmount(),
        p.getStatus(), p.getStatus().label(), p.getStage(), p.getStage().label(), p.getRuleResults(), p.getApplicant(),
        p.getProcessInstanceId(), p.getCreatedAt(), p.getUpdatedAt(),
        opinions.stream().map(o -> of(o, names)).toList());
  }

  private static OpinionView of(StageOpinion o, IdentityNames names) {
    return new OpinionView(o.getStep(), o.getStepName(), o.getActor(), names.user(o.getActor()),
        o.getActorRole(),
        Role.ofGroup(o.getActorRole()).map(Role::chineseName).orElse(o.getActorRole()),
        o.getDecision(), o.getDecision().label(), o.getComment(), o.getScores(), o.getConclusion(), o.getGivenAt());
  }
}
