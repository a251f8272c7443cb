package org.jixiao.goal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of goal review (绩效目标审核与批复): the district's settings, versions submitted and revised,
 * opinions, the finance rounds (两上两下), 批复 and reopening after 抽审. Engine and domain tables share one
 * transaction: a refused submission stores nothing and leaves the task open.
 */
@Service
public class GoalReviews {

  private final GoalSetRepository sets;
  private final DecisionService decisionService;
  private final GoalRules rules;
  private final GoalRecords records;

  GoalReviews(GoalSetRepository sets, DecisionService decisionService, GoalRules rules, GoalRecords records) {
    this.sets = sets;
    this.decisionService = decisionService;
    this.rules = rules;
    this.records = records;
  }

  /** The district's goal review settings (Decision_GoalReviewSettings) as process variables. */
  @Transactional(readOnly = true)
  public Map<String, Object> settings(String code) {
    GoalSet set = sets.require(code);
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(GoalReviewProcess.DECISION_SETTINGS)
        .decisionDefinitionTenantId(set.getDistrict())
        .variables(Map.of("subject", set.getSubject().name(), "budgetAmount", set.getBudgetAmount()))
        .evaluate()
        .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("Decision_GoalReviewSettings of " + set.getDistrict() + " has no rule for " + code);
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : List.of(GoalReviewProcess.VAR_FINANCE_ROUNDS, GoalReviewProcess.VAR_SAMPLING_PERCENT,
        GoalReviewProcess.VAR_TASK_DUE_DURATION, GoalReviewProcess.VAR_REMINDER_DURATION)) {
      Object value = result.getEntry(name);
      if (value == null) {
        throw new IllegalStateException("Decision_GoalReviewSettings of " + set.getDistrict() + " gives no " + name);
      }
      variables.put(name, value instanceof Number n && !(value instanceof BigDecimal) ? n.intValue() : value);
    }
    variables.put(GoalReviewProcess.VAR_SAMPLING_APPLIES,
        ((Number) variables.get(GoalReviewProcess.VAR_SAMPLING_PERCENT)).intValue() > 0);
    return variables;
  }

  /**
   * The unit hands in its goals (一上) or their revision (二上 and later), as the form wrote them (null when
   * it gave none): checked against {@link GoalRules}, stored as a new version, recorded with the unit's note.
   */
  @Transactional
  public void submit(String code, GoalDraft draft, GoalOpinion opinion) {
    rules.check(required(draft));
    GoalSet set = sets.require(code);
    GoalVersion version = set.submit(draft, opinion.reviewer(), OffsetDateTime.now());
    records.record(set, version.getNumber(), opinion.withDecision(
        version.getKind() == GoalVersionKind.SUBMISSION ? ReviewDecision.SUBMIT_GOALS : ReviewDecision.RESUBMIT_GOALS));
  }

  /** A reviewer's opinion on the latest version; a return or the 一下 feedback sends it back to the unit. */
  @Transactional
  public void review(String code, GoalOpinion opinion) {
    GoalSet set = sets.require(code);
    GoalVersion latest = set.latest().orElseThrow(() -> new IllegalStateException("no goals submitted: " + code));
    records.record(set, latest.getNumber(), opinion);
    if (opinion.decision() == ReviewDecision.RETURN || opinion.decision() == ReviewDecision.FEEDBACK) {
      set.returnLatest(opinion.reviewer(), OffsetDateTime.now());
    }
  }

  /** An opinion that leaves the goals as they are (抽审, 督办, an adjustment's review: later steps act on it). */
  @Transactional
  public void note(String code, GoalOpinion opinion) {
    GoalSet set = sets.require(code);
    records.record(set, set.latest().map(GoalVersion::getNumber).orElse(0), opinion);
  }

  /** The finance bureau takes the goals up again: the round's number, and whether it only gives opinions (一下). */
  @Transactional
  public Map<String, Object> startFinanceRound(String code, int financeRounds) {
    int round = sets.require(code).nextFinanceRound(OffsetDateTime.now());
    return Map.of(GoalReviewProcess.VAR_FINANCE_ROUND, round, GoalReviewProcess.VAR_OPINION_ROUND, round < financeRounds);
  }

  /** 批复: the latest version is approved by the reviewer who decided so; an earlier approved one is superseded. */
  @Transactional
  public void approve(String code) {
    GoalSet set = sets.require(code);
    set.approveLatest(records.lastReviewer(set), OffsetDateTime.now());
  }

  /**
   * 抽审 reopened the approved goals for revision. Once re-checked, the goal set is not drawn again this
   * year: the variables say so for the approval that follows the revision.
   */
  @Transactional
  public Map<String, Object> reopen(String code) {
    sets.require(code).reopen(OffsetDateTime.now());
    return Map.of(GoalReviewProcess.VAR_SAMPLING_APPLIES, false);
  }

  static GoalDraft required(GoalDraft draft) {
    if (draft == null) {
      throw new InvalidInputException("请填写绩效目标（总体目标和绩效指标）");
    }
    return draft;
  }
}
