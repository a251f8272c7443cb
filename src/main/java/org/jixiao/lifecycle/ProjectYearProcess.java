package org.jixiao.lifecycle;

/**
 * The project-year lifecycle ({@code processes/project-year.bpmn}): one instance per project and budget year,
 * started by the application, running the stages as call activities in the project's district. Its key, the
 * element ids code and tests refer to, and its variables. The business key is the project code.
 */
public final class ProjectYearProcess {

  public static final String KEY = "Process_ProjectYear";

  public static final String START_PROJECT_APPLIED = "StartEvent_ProjectApplied";
  /** 事前绩效评估与入库: calls Process_ExAnteAssessment with the project code as business key */
  public static final String CALL_EX_ANTE_ASSESSMENT = "Call_ExAnteAssessment";
  public static final String GATEWAY_EX_ANTE_OUTCOME = "Gateway_ExAnteOutcome";
  public static final String TASK_OPEN_GOAL_SETTING = "Task_OpenGoalSetting";
  /** 绩效目标审核与批复: calls Process_GoalReview with the goal set's code as business key */
  public static final String CALL_GOAL_REVIEW = "Call_GoalReview";
  public static final String TASK_RECORD_GOALS_APPROVED = "Task_RecordGoalsApproved";
  /** Where monitoring, evaluation and rectification will follow. */
  public static final String END_GOALS_APPROVED = "EndEvent_GoalsApproved";
  public static final String END_PROJECT_REJECTED = "EndEvent_ProjectRejected";
  public static final String END_APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";

  /** Given by the application (ProjectService.apply). */
  public static final String VAR_PROJECT_CODE = "projectCode";
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  public static final String VAR_APPLICANT = "applicant";
  public static final String VAR_BUDGET_YEAR = "budgetYear";
  /** Out of the ex-ante assessment: LISTED, REJECTED or WITHDRAWN (exante.ExAnteProcess.VAR_OUTCOME). */
  public static final String VAR_EX_ANTE_OUTCOME = "exAnteOutcome";
  /** Written by Task_OpenGoalSetting: the goal set the goal review is called for. */
  public static final String VAR_GOAL_SET_CODE = "goalSetCode";

  private ProjectYearProcess() {}
}
