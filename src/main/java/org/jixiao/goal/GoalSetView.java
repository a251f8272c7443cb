package org.jixiao.goal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectRef;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.StageOpinion;

/**
 * A goal set as the API and the forms show it: every version with its indicator tree, every opinion, and
 * what the latest version changed against the one before it (for an adjustment: against the approved one).
 * Codes come with Chinese labels.
 */
public record GoalSetView(String code, GoalSubject subject, String subjectLabel, String projectCode,
    String projectName, String district, String department, String departmentName, int budgetYear,
    BigDecimal budgetAmount, String category, GoalSetStatus status, String statusLabel, int financeRound,
    Boolean sampled, String processInstanceId, Integer approvedVersion, Integer latestVersion,
    List<VersionView> versions, List<OpinionView> opinions, Changes changes) {

  public record VersionView(int number, GoalVersionKind kind, String kindLabel, GoalVersionState state,
      String stateLabel, String overallGoal, String reason, String submittedBy, String submittedByName,
      OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt, List<IndicatorView> indicators) {}

  public record IndicatorView(IndicatorLevel1 level1, String level1Label, IndicatorLevel2 level2,
      String level2Label, String name, TargetComparator comparator, String comparatorSymbol, BigDecimal targetValue,
      String targetText, String unit, BigDecimal weight, String target, String commonIndicatorCode) {

    static IndicatorView of(Indicator i) {
      return new IndicatorView(i.level1(), i.level1().label(), i.level2(), i.level2().label(), i.name(),
          i.comparator(), i.comparator().symbol(), i.targetValue(), i.targetText(), i.unit(), i.weight(), i.target(),
          i.commonIndicatorCode());
    }
  }

  public record OpinionView(int versionNumber, String step, String stepName, String reviewer, String reviewerName,
      String reviewerRole, String reviewerRoleLabel, String decision, String decisionLabel, String comment,
      OffsetDateTime givenAt) {}

  /** What changed from one version to the next: the overall goal, and indicators added, removed or changed. */
  public record Changes(int fromVersion, int toVersion, boolean overallGoalChanged, String overallGoalBefore,
      List<IndicatorChange> indicators) {}

  public enum ChangeType { ADDED, REMOVED, CHANGED }

  public record IndicatorChange(ChangeType type, String typeLabel, String level2Label, String name, String before,
      String after) {}

  static GoalSetView of(GoalSet set, ProjectRef project, List<StageOpinion> opinions, IdentityNames names) {
    List<GoalVersion> versions = set.getVersions();
    return new GoalSetView(set.getCode(), set.getSubject(), set.getSubject().label(),
        project == null ? null : project.code(), project == null ? null : project.name(), set.getDistrict(),
        set.getDepartment(), names.group(set.getDepartment()), set.getBudgetYear(), set.getBudgetAmount(),
        project == null ? null : project.category(), set.getStatus(), set.getStatus().label(), set.getFinanceRound(),
        set.getSampled(), set.getProcessInstanceId(), set.approved().map(GoalVersion::getNumber).orElse(null),
        set.latest().map(GoalVersion::getNumber).orElse(null),
        versions.stream().map(v -> of(v, names)).toList(),
        opinions.stream().map(o -> of(o, names)).toList(),
        changes(set));
  }

  private static VersionView of(GoalVersion v, IdentityNames names) {
    return new VersionView(v.getNumber(), v.getKind(), v.getKind().label(), v.getState(), v.getState().label(),
        v.getOverallGoal(), v.getReason(), v.getSubmittedBy(), names.user(v.getSubmittedBy()), v.getSubmittedAt(),
        v.getDecidedBy(), v.getDecidedAt(), v.getIndicators().stream().map(IndicatorView::of).toList());
  }

  private static OpinionView of(StageOpinion o, IdentityNames names) {
    return new OpinionView(o.getRound(), o.getStep(), o.getStepName(), o.getActor(),
        names.user(o.getActor()), o.getActorRole(),
        Role.ofGroup(o.getActorRole()).map(Role::chineseName).orElse(o.getActorRole()),
        o.getDecision().name(), decisionLabel(o.getStep(), o.getDecision()), o.getComment(), o.getGivenAt());
  }

  /** The decision as the step words it: an adjustment is 同意调整 or 不予调整, a spot check 抽审通过. */
  static String decisionLabel(String step, ReviewDecision decision) {
    if (GoalReviewProcess.TASK_REVIEW_ADJUSTMENT.equals(step)) {
      if (decision == ReviewDecision.APPROVE) {
        return "同意调整";
      }
      if (decision == ReviewDecision.REJECT) {
        return "不予调整";
      }
    }
    if (GoalReviewProcess.TASK_SPOT_CHECK.equals(step) && decision == ReviewDecision.APPROVE) {
      return "抽审通过";
    }
    return decision.label();
  }

  /** The latest version against its predecessor; an adjustment against the version approved before it. */
  static Changes changes(GoalSet set) {
    List<GoalVersion> versions = set.getVersions();
    if (versions.size() < 2) {
      return null;
    }
    GoalVersion latest = versions.get(versions.size() - 1);
    GoalVersion before = versions.get(versions.size() - 2);
    if (latest.getKind() == GoalVersionKind.ADJUSTMENT) {
      before = versions.stream().filter(v -> v != latest && (v.getState() == GoalVersionState.APPROVED
          || v.getState() == GoalVersionState.SUPERSEDED)).reduce((a, b) -> b).orElse(before);
    }
    return compare(before, latest);
  }

  static Changes compare(GoalVersion before, GoalVersion after) {
    Map<String, Indicator> old = new LinkedHashMap<>();
    before.getIndicators().forEach(i -> old.put(i.key(), i));
    List<IndicatorChange> changes = new ArrayList<>();
    for (Indicator now : after.getIndicators()) {
      Indicator was = old.remove(now.key());
      if (was == null) {
        changes.add(new IndicatorChange(ChangeType.ADDED, "新增", now.level2().label(), now.name(), null, describe(now)));
      } else if (!describe(was).equals(describe(now))) {
        changes.add(new IndicatorChange(ChangeType.CHANGED, "修改", now.level2().label(), now.name(), describe(was),
            describe(now)));
      }
    }
    old.values().forEach(was -> changes.add(new IndicatorChange(ChangeType.REMOVED, "删除", was.level2().label(),
        was.name(), describe(was), null)));
    boolean goalChanged = !Objects.equals(before.getOverallGoal(), after.getOverallGoal());
    return new Changes(before.getNumber(), after.getNumber(), goalChanged,
        goalChanged ? before.getOverallGoal() : null, changes);
  }

  /** Target and weight, as compared between versions: "≥ 95 %，权重 20". */
  private static String describe(Indicator i) {
    return i.target() + "，权重 " + i.weight().stripTrailingZeros().toPlainString();
  }
}
