package org.jixiao.goal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published result of goal management that later stages read (运行监控 compares against the approved
 * goals, 目标比较法): a project's goals in force for a budget year, as plain values. Nothing here changes goals.
 */
@Service
public class ApprovedGoals {

  private final GoalSetRepository sets;

  ApprovedGoals(GoalSetRepository sets) {
    this.sets = sets;
  }

  /** The project's approved goals for the year (the version in force), if approved. */
  @Transactional(readOnly = true)
  public Optional<Approved> forProject(Long projectId, int budgetYear) {
    return sets.findByProjectId(projectId).stream()
        .filter(s -> s.getBudgetYear() == budgetYear)
        .flatMap(s -> s.approved().map(v -> of(s, v)).stream())
        .findFirst();
  }

  private static Approved of(GoalSet set, GoalVersion version) {
    List<Indicator> indicators = version.getIndicators();
    List<ApprovedIndicator> approved = new java.util.ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      Indicator x = indicators.get(i);
      approved.add(new ApprovedIndicator(i, x.level1().name(), x.level1().label(), x.level2().name(),
          x.level2().label(), x.name(), x.comparator().name(), x.comparator().quantitative(), x.targetValue(),
          x.targetText(), x.unit(), x.weight(), x.target()));
    }
    return new Approved(set.getCode(), version.getNumber(), set.getBudgetAmount(), version.getOverallGoal(),
        List.copyOf(approved));
  }

  /** A goal set's version in force: its code, version number, budget (元), overall goal and indicators in order. */
  public record Approved(String goalSetCode, int versionNumber, BigDecimal budgetAmount, String overallGoal,
      List<ApprovedIndicator> indicators) {}

  /**
   * One approved indicator, by its position in the version: its place in the tree (code and label), name,
   * comparator (GE, LE, EQ, QUALITATIVE), whether its target is a number, the target, unit, weight, and the
   * target as a reader writes it ("≥ 95 %").
   */
  public record ApprovedIndicator(int position, String level1, String level1Label, String level2,
      String level2Label, String name, String comparator, boolean quantitative, BigDecimal targetValue,
      String targetText, String unit, BigDecimal weight, String target) {}
}
