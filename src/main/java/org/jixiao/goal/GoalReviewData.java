package org.jixiao.goal;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jixiao.stage.ProcessVariables;

/**
 * The data of goal review, adjustment and the 抽审 draw, typed: what their delegates read, each accessor
 * failing fast on a missing or mistyped value. Names are in {@link GoalReviewProcess}.
 */
public final class GoalReviewData {

  private final ProcessVariables variables;

  private GoalReviewData(VariableScope scope) {
    this.variables = ProcessVariables.of(scope);
  }

  public static GoalReviewData of(VariableScope scope) {
    return new GoalReviewData(scope);
  }

  public String goalSetCode() {
    return variables.string(GoalReviewProcess.VAR_GOAL_SET_CODE);
  }

  /** The goal set an adjustment's start form or API request names (checked when it is registered). */
  public Optional<String> requestedGoalSetCode() {
    return variables.optionalString(GoalReviewProcess.VAR_GOAL_SET_CODE);
  }

  /** Finance rounds of the district (Decision_GoalReviewSettings): 2 for Jilin's 两上两下, else 1. */
  public int financeRounds() {
    return variables.integer(GoalReviewProcess.VAR_FINANCE_ROUNDS);
  }

  /** The user who started an adjustment or a draw (the start event's initiator). */
  public Optional<String> applicant() {
    return variables.optionalString(GoalReviewProcess.VAR_APPLICANT);
  }

  /** The budget year a draw is for (its start form). */
  public Optional<Integer> budgetYear() {
    return variables.optionalInteger(GoalReviewProcess.VAR_BUDGET_YEAR);
  }

  /** The seed that repeats a draw, if the form gave one. */
  public Optional<Long> sampleSeed() {
    return variables.optionalLong(GoalReviewProcess.VAR_SAMPLE_SEED);
  }

  /** Why the unit asks for an adjustment (start form or API). */
  public Optional<String> adjustmentReason() {
    return variables.optionalString(GoalReviewProcess.VAR_ADJUSTMENT_REASON);
  }
}
