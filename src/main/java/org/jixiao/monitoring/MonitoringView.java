package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jixiao.goal.ApprovedGoals;
import org.jixiao.stage.StageOpinion;

/**
 * A project's monitoring of one year as the forms and the API show it: the state (key monitoring, payment,
 * reclaimed and available budget), the approved goals, every round's report with its indicators, light,
 * decision and correction plan, and the opinions given.
 */
public record MonitoringView(String code, String projectCode, String district, String department, int budgetYear,
    BigDecimal budgetAmount, BigDecimal reclaimedTotal, BigDecimal availableBudget, boolean keyMonitoring,
    String keyReason, String keyReasonLabel, String keyComment, String paymentState, String paymentStateLabel,
    boolean onSiteCheck, ApprovedGoals.Approved goals, List<Round> rounds, List<Opinion> opinions) {

  public record Round(Long reportId, int roundNo, LocalDate asOfDate, LocalDate dueDate, boolean extra,
      boolean keyMonitoring, String status, String statusLabel, BigDecimal budgetAmount, BigDecimal paidToDate,
      String paidSource, LocalDate paidAsOf, BigDecimal importedPaidToDate, String paidCorrectionReason,
      BigDecimal executionRate, BigDecimal timeElapsed, BigDecimal indicatorCompletion, String light,
      String lightLabel, String deviationReasons, String correctiveMeasures, String submittedBy,
      OffsetDateTime submittedAt, List<IndicatorRow> indicators, List<Action> actions, Plan correctionPlan,
      Plan planToCheck) {}

  public record IndicatorRow(int position, String level1, String level2, String name, String comparator,
      BigDecimal targetValue, String targetText, String unit, BigDecimal weight, BigDecimal valueToDate,
      String valueText, BigDecimal completion, String deviationReason) {}

  public record Action(String kind, String kindLabel, BigDecimal amount, String comment, String decidedBy,
      OffsetDateTime decidedAt) {}

  public record Plan(Long reportId, String plan, LocalDate dueDate, String submittedBy, OffsetDateTime submittedAt,
      Integer checkedInRound, Boolean fulfilled, String checkComment) {}

  public record Opinion(Integer round, String step, String stepName, String actor, String actorRole,
      String decision, String comment, String conclusion, OffsetDateTime givenAt) {

    static Opinion of(StageOpinion o) {
      return new Opinion(o.getRound(), o.getStep(), o.getStepName(), o.getActor(), o.getActorRole(),
          o.getDecision().name(), o.getComment(), o.getConclusion(), o.getGivenAt());
    }
  }
}
