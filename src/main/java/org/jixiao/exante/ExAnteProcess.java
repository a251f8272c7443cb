package org.jixiao.exante;

import org.jixiao.stage.Deadlines;

/**
 * The ex-ante assessment process ({@code processes/ex-ante-assessment.bpmn}) and its rule tables: keys, the
 * element ids code and tests refer to, and its variables. The business key is the project code.
 */
public final class ExAnteProcess {

  public static final String KEY = "Process_ExAnteAssessment";
  /** The district's rule table: which assessment steps a project needs. */
  public static final String DECISION_RULES = "Decision_ExAnteRules";
  /** The district's settings: expert panel size and pass share, due and reminder durations. */
  public static final String DECISION_SETTINGS = "Decision_ExAnteSettings";
  public static final String MESSAGE_WITHDRAW = "WithdrawApplication";

  public static final String TASK_EVALUATE_RULES = "Task_EvaluateExAnteRules";
  public static final String TASK_SELF_ASSESS = "Task_SelfAssess";
  public static final String TASK_REVIEW_BY_SUPERVISOR = "Task_ReviewBySupervisor";
  public static final String TASK_REASSESS = "Task_Reassess";
  /** 组建专家组: the engine's own step that chooses or draws the panel finance asked for. */
  public static final String TASK_COMPOSE_EXPERT_PANEL = "Task_ComposeExpertPanel";
  /** 专家论证: one seat per expert of the panel (a collection multi-instance assigned to each). */
  public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
  public static final String TASK_TALLY_EXPERT_PANEL = "Task_TallyExpertPanel";
  public static final String TASK_JOINT_REVIEW = "Task_JointReview";
  public static final String TASK_REVISE_APPLICATION = "Task_ReviseApplication";
  public static final String TASK_LIST_PROJECT = "Task_ListProject";
  public static final String TASK_REJECT_PROJECT = "Task_RejectProject";
  public static final String TASK_WITHDRAW_PROJECT = "Task_WithdrawProject";
  /** 督办超期事项, in the 超期督办 event sub-process the deadline watch opens (see {@link Deadlines}). */
  public static final String TASK_SUPERVISE_OVERDUE = Deadlines.TASK_SUPERVISE_OVERDUE;
  public static final String END_PROJECT_LISTED = "EndEvent_ProjectListed";
  public static final String END_PROJECT_REJECTED = "EndEvent_ProjectRejected";
  public static final String END_APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";
  public static final String END_OVERDUE_SUPERVISED = Deadlines.END_OVERDUE_SUPERVISED;

  /** The project's code (also the business key), for forms that load the project from /api/projects. */
  public static final String VAR_PROJECT_CODE = "projectCode";
  /** Candidate group of the applicant's tasks: the budget unit's department group. */
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  /** The unit's 主管部门 group (identity.Departments, the department tree): candidate of the supervisor's review. */
  public static final String VAR_SUPERVISING_DEPARTMENT_GROUP =
      org.jixiao.identity.Departments.VAR_SUPERVISING_DEPARTMENT_GROUP;
  /** User who applied. */
  public static final String VAR_APPLICANT = "applicant";

  /** Rule results, written by Task_EvaluateExAnteRules from Decision_ExAnteRules, read by the gateways. */
  public static final String VAR_EX_ANTE_REQUIRED = "exAnteRequired";
  public static final String VAR_SELF_ASSESSMENT_REQUIRED = "selfAssessmentRequired";
  public static final String VAR_FINANCE_REASSESSMENT_REQUIRED = "financeReassessmentRequired";
  public static final String VAR_JOINT_REVIEW_REQUIRED = "jointReviewRequired";
  public static final String VAR_BUDGET_REVIEW_REQUIRED = "budgetReviewRequired";
  /** Settings, from Decision_ExAnteSettings. */
  public static final String VAR_EXPERT_PANEL_SIZE = "expertPanelSize";
  public static final String VAR_EXPERT_PASS_PERCENT = "expertPassPercent";
  public static final String VAR_TASK_DUE_DURATION = Deadlines.VAR_TASK_DUE_DURATION;
  public static final String VAR_REMINDER_DURATION = Deadlines.VAR_REMINDER_DURATION;

  /** A reviewer's conclusion, a {@link ReviewDecision} name; read by the decision gateways. */
  public static final String VAR_REVIEW_DECISION = "reviewDecision";
  /** The reviewer's comment, recorded with the decision. */
  public static final String VAR_REVIEW_COMMENT = "reviewComment";
  /** The applicant's note on what was revised, recorded with the resubmission. */
  public static final String VAR_REVISION_NOTE = "revisionNote";
  /** The overall conclusion of a scored assessment (评估结论). */
  public static final String VAR_ASSESSMENT_CONCLUSION = "assessmentConclusion";
  /** Finance re-assessment: whether an expert panel is invited. */
  public static final String VAR_EXPERT_PANEL_REQUESTED = "expertPanelRequested";
  /** Finance re-assessment: how the panel is composed, CHOOSE (the experts named in the choice) or DRAW. */
  public static final String VAR_EXPERT_PANEL_MODE = "expertPanelMode";
  /** Finance re-assessment, CHOOSE: the experts' user ids, separated by commas. */
  public static final String VAR_EXPERT_PANEL_CHOICE = "expertPanelChoice";
  /** Finance re-assessment, DRAW: a seed to repeat a draw with (optional; else a random one, recorded). */
  public static final String VAR_EXPERT_PANEL_SEED = "expertPanelSeed";
  /**
   * The panel (user ids in seat order), a JSON-serialized list written only by Task_ComposeExpertPanel; the
   * collection of Task_ExpertReview, whose element variable {@link #VAR_PANEL_EXPERT} is each seat's assignee.
   */
  public static final String VAR_EXPERT_PANEL = "expertPanel";
  public static final String VAR_PANEL_EXPERT = "panelExpert";
  /** Finance re-assessment with merged budget review: the approved amount in 元, as a decimal string. */
  public static final String VAR_APPROVED_AMOUNT = "approvedAmount";
  /** One expert's decision (AGREE or DISAGREE) and comment, local to their task. */
  public static final String VAR_EXPERT_DECISION = "expertDecision";
  public static final String VAR_EXPERT_COMMENT = "expertComment";
  /** Written by Task_TallyExpertPanel. */
  public static final String VAR_EXPERT_PANEL_PASSED = "expertPanelPassed";
  /** The finance performance section's note on an overdue step it followed up. */
  public static final String VAR_SUPERVISION_NOTE = "supervisionNote";
  /** Who withdrew the application, given with the withdrawal message. */
  public static final String VAR_WITHDRAWN_BY = "withdrawnBy";
  /**
   * How the assessment ended, written by its own last step (登记入库, 不予入库, 登记撤回): one of the
   * OUTCOME_ values; the calling lifecycle (Process_ProjectYear) routes on it.
   */
  public static final String VAR_OUTCOME = "exAnteOutcome";
  public static final String OUTCOME_LISTED = "LISTED";
  public static final String OUTCOME_REJECTED = "REJECTED";
  public static final String OUTCOME_WITHDRAWN = "WITHDRAWN";

  private ExAnteProcess() {}
}
