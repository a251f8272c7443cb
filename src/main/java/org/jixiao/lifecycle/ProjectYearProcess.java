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
  /** 开启运行监控: the monitoring record of the project's budget year */
  public static final String TASK_OPEN_MONITORING = "Task_OpenMonitoring";
  /** 绩效运行监控: calls Process_ExecutionMonitoring with the monitoring code as business key */
  public static final String CALL_EXECUTION_MONITORING = "Call_ExecutionMonitoring";
  public static final String GATEWAY_MONITORING_OUTCOME = "Gateway_MonitoringOutcome";
  public static final String TASK_RECORD_MONITORING_ENDED = "Task_RecordMonitoringEnded";
  public static final String TASK_RECORD_PROJECT_STOPPED = "Task_RecordProjectStopped";
  /** Where evaluation and rectification will follow. */
  public static final String END_MONITORING_ENDED = "EndEvent_MonitoringEnded";
  public static final String END_PROJECT_STOPPED = "EndEvent_ProjectStopped";
  public static final String END_PROJECT_REJECTED = "EndEvent_ProjectRejected";
  public static final String END_APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";

  /** Given by the application (ProjectService.apply). */
  public static final String VAR_PROJECT_CODE = "projectCode";
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  /** The unit's 主管部门 group (identity.Departments, the department tree): candidate of the supervisor's review. */
  public static final String VAR_SUPERVISING_DEPARTMENT_GROUP =
      org.jixiao.identity.Departments.VAR_SUPERVISING_DEPARTMENT_GROUP;
  public static final String VAR_APPLICANT = "applicant";
  public static final String VAR_BUDGET_YEAR = "budgetYear";
  /** Out of the ex-ante assessment: LISTED, REJECTED or WITHDRAWN (exante.ExAnteProcess.VAR_OUTCOME). */
  public static final String VAR_EX_ANTE_OUTCOME = "exAnteOutcome";
  /** Written by Task_OpenGoalSetting: the goal set the goal review is called for. */
  public static final String VAR_GOAL_SET_CODE = "goalSetCode";
  /** Written by Task_OpenMonitoring: the monitoring the call activity runs (monitoring.MonitoringProcess). */
  public static final String VAR_MONITORING_CODE = "monitoringCode";
  /** Out of the monitoring: ENDED or STOPPED. */
  public static final String VAR_MONITORING_OUTCOME = "monitoringOutcome";

  private ProjectYearProcess() {}
}
