package org.jixiao.goal;

import org.jixiao.stage.Deadlines;

/**
 * The goal review process ({@code processes/goal-review.bpmn}), the adjustment process
 * ({@code processes/goal-adjustment.bpmn}) and their settings table: keys, element ids and variables. The
 * business key of both is the goal set's code.
 */
public final class GoalReviewProcess {

  public static final String KEY = "Process_GoalReview";
  public static final String ADJUSTMENT_KEY = "Process_GoalAdjustment";
  /** The district's settings: finance rounds (两上两下 = 2), 抽审 rate, due and reminder durations. */
  public static final String DECISION_SETTINGS = "Decision_GoalReviewSettings";
  /** Correlated by the 抽审 draw to every approved goal set waiting for it, with {@link #VAR_SAMPLED}. */
  public static final String MESSAGE_SAMPLE_DRAWN = "GoalSampleDrawn";

  public static final String TASK_EVALUATE_SETTINGS = "Task_EvaluateGoalReviewSettings";
  public static final String TASK_DRAFT_GOALS = "Task_DraftGoals";
  public static final String TASK_REVIEW_BY_SUPERVISOR = "Task_ReviewGoalsBySupervisor";
  public static final String TASK_START_FINANCE_ROUND = "Task_StartFinanceRound";
  public static final String TASK_GIVE_FINANCE_OPINIONS = "Task_GiveFinanceOpinions";
  public static final String TASK_REVIEW_BY_FINANCE = "Task_ReviewGoalsByFinance";
  public static final String TASK_REVISE_GOALS = "Task_ReviseGoals";
  public static final String TASK_APPROVE_GOALS = "Task_ApproveGoals";
  public static final String EVENT_SAMPLE_DRAWN = "Event_SampleDrawn";
  public static final String TASK_SPOT_CHECK = "Task_SpotCheckGoals";
  public static final String TASK_REOPEN_GOALS = "Task_ReopenGoals";
  /** 督办超期事项, in the 超期督办 event sub-process the deadline watch opens (see {@link Deadlines}). */
  public static final String TASK_SUPERVISE_OVERDUE = Deadlines.TASK_SUPERVISE_OVERDUE;
  public static final String END_GOALS_APPROVED = "EndEvent_GoalsApproved";
  public static final String END_NOT_SAMPLED = "EndEvent_NotSampled";
  public static final String END_SPOT_CHECK_PASSED = "EndEvent_SpotCheckPassed";
  public static final String END_OVERDUE_SUPERVISED = Deadlines.END_OVERDUE_SUPERVISED;

  public static final String TASK_REGISTER_ADJUSTMENT = "Task_RegisterGoalAdjustment";
  public static final String TASK_REVIEW_ADJUSTMENT = "Task_ReviewGoalAdjustment";
  public static final String TASK_APPROVE_ADJUSTMENT = "Task_ApproveGoalAdjustment";
  public static final String TASK_REFUSE_ADJUSTMENT = "Task_RefuseGoalAdjustment";
  public static final String END_ADJUSTMENT_APPROVED = "EndEvent_AdjustmentApproved";
  public static final String END_ADJUSTMENT_REFUSED = "EndEvent_AdjustmentRefused";

  /** The goal set's code (also the business key), for forms that load it from /api/goal-sets. */
  public static final String VAR_GOAL_SET_CODE = "goalSetCode";
  /** The project's code, for the project summary in forms; absent for a department's whole-budget goals. */
  public static final String VAR_PROJECT_CODE = "projectCode";
  /** Candidate group of the unit's tasks: its department group. */
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  /** The unit's 主管部门 group (identity.Departments, the department tree): candidate of the supervisor's review. */
  public static final String VAR_SUPERVISING_DEPARTMENT_GROUP =
      org.jixiao.identity.Departments.VAR_SUPERVISING_DEPARTMENT_GROUP;
  public static final String VAR_BUDGET_YEAR = "budgetYear";

  /** Settings from Decision_GoalReviewSettings. */
  public static final String VAR_FINANCE_ROUNDS = "financeRounds";
  public static final String VAR_SAMPLING_PERCENT = "samplingPercent";
  public static final String VAR_SAMPLING_APPLIES = "samplingApplies";
  public static final String VAR_TASK_DUE_DURATION = Deadlines.VAR_TASK_DUE_DURATION;
  public static final String VAR_REMINDER_DURATION = Deadlines.VAR_REMINDER_DURATION;

  /** Written by Task_StartFinanceRound: the round number and whether it is an opinion round (一下). */
  public static final String VAR_FINANCE_ROUND = "financeRound";
  public static final String VAR_OPINION_ROUND = "opinionRound";
  /** Given with the 抽审 draw message. */
  public static final String VAR_SAMPLED = "sampled";

  /** The goals as JSON ({@link GoalDraft}), submitted by the drafting and revising forms. */
  public static final String VAR_GOAL_DRAFT = "goalDraft";
  /** The unit's note on what it changed in a revision. */
  public static final String VAR_REVISION_NOTE = "revisionNote";
  /** A reviewer's decision (a ReviewDecision name) and comment. */
  public static final String VAR_REVIEW_DECISION = "reviewDecision";
  public static final String VAR_REVIEW_COMMENT = "reviewComment";
  /** The finance performance section's note on an overdue step it followed up (督办). */
  public static final String VAR_SUPERVISION_NOTE = "supervisionNote";
  /** Why the unit asks for an adjustment, from the start form or the API; removed once registered. */
  public static final String VAR_ADJUSTMENT_REASON = "adjustmentReason";
  /** Who started an adjustment or a draw (the start event's initiator). */
  public static final String VAR_APPLICANT = "applicant";
  /** The number of the version an adjustment proposes. */
  public static final String VAR_ADJUSTMENT_VERSION = "adjustmentVersion";

  /** 抽取抽审样本, started by the finance performance section in Tasklist. */
  public static final String DRAW_KEY = "Process_DrawGoalSample";
  public static final String TASK_DRAW_SAMPLE = "Task_DrawGoalSample";
  public static final String END_SAMPLE_DRAWN = "EndEvent_SampleDrawn";
  /** The draw's start form: the year, and a seed to repeat a draw (optional). */
  public static final String VAR_SAMPLE_SEED = "sampleSeed";
  /** The draw's results: how many waited, how many were drawn, which. */
  public static final String VAR_SAMPLE_POPULATION = "samplePopulation";
  public static final String VAR_SAMPLE_DRAWN = "sampleDrawn";
  public static final String VAR_SAMPLE_DRAWN_CODES = "sampleDrawnCodes";

  private GoalReviewProcess() {}
}
