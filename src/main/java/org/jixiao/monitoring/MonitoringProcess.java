package org.jixiao.monitoring;

import org.jixiao.stage.Deadlines;

/**
 * The execution monitoring process ({@code processes/execution-monitoring.bpmn}) and its tables: key, element
 * ids and variables. One instance per project and budget year, called by the project-year lifecycle once the
 * goals are approved; its business key is the monitoring code (project code and year, e.g. QJ-2026-001-2027).
 */
public final class MonitoringProcess {

  public static final String KEY = "Process_ExecutionMonitoring";
  /** The district's schedule: as-of dates of the rounds (for all projects, for key-monitored ones), durations. */
  public static final String DECISION_SETTINGS = "Decision_MonitoringSettings";
  /** The warning light (红黄灯) from execution rate, time elapsed and indicator completion. */
  public static final String DECISION_LIGHTS = "Decision_MonitoringLights";
  /** Correlated by the finance bureau's extra round (追加监控轮次) to each chosen project's instance. */
  public static final String MESSAGE_EXTRA_ROUND = "ExtraMonitoringRound";
  /** Key monitoring was marked or lifted: a project waiting for its next round is scheduled again. */
  public static final String MESSAGE_SCHEDULE_CHANGED = "MonitoringScheduleChanged";
  public static final String EVENT_SCHEDULE_CHANGED = "Event_ScheduleChanged";

  public static final String START_MONITORING = "StartEvent_MonitoringStarted";
  public static final String TASK_SCHEDULE_NEXT_ROUND = "Task_ScheduleNextRound";
  public static final String GATEWAY_AWAIT_ROUND = "Gateway_AwaitRound";
  public static final String EVENT_ROUND_DUE = "Event_RoundDue";
  public static final String EVENT_EXTRA_ROUND = "Event_ExtraRoundRequested";
  public static final String GATEWAY_ROUND_AHEAD = "Gateway_RoundAhead";
  public static final String TASK_OPEN_ROUND = "Task_OpenRound";
  public static final String TASK_REPORT_MONITORING = "Task_ReportMonitoring";
  public static final String TASK_EVALUATE_LIGHT = "Task_EvaluateWarningLight";
  public static final String GATEWAY_FINANCE_REVIEW = "Gateway_FinanceReviewRequired";
  public static final String TASK_REVIEW_BY_FINANCE = "Task_ReviewReportByFinance";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String GATEWAY_WARNING_LIGHT = "Gateway_WarningLight";
  public static final String TASK_SUBMIT_CORRECTION_PLAN = "Task_SubmitCorrectionPlan";
  public static final String TASK_DECIDE_ON_RED_LIGHT = "Task_DecideOnRedLight";
  public static final String GATEWAY_RED_LIGHT_ACTION = "Gateway_RedLightAction";
  public static final String TASK_CLOSE_ROUND = "Task_CloseRound";
  public static final String TASK_END_MONITORING = "Task_EndMonitoringOnStop";
  public static final String END_MONITORING_ENDED = "EndEvent_MonitoringEnded";
  public static final String END_PROJECT_STOPPED = "EndEvent_ProjectStopped";
  public static final String TASK_SUPERVISE_OVERDUE = Deadlines.TASK_SUPERVISE_OVERDUE;

  /** In: from the lifecycle. */
  public static final String VAR_PROJECT_CODE = "projectCode";
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  public static final String VAR_BUDGET_YEAR = "budgetYear";
  /** The monitoring code (business key), for forms that load /api/monitoring/projects/{code}. */
  public static final String VAR_MONITORING_CODE = "monitoringCode";

  /** Written by Task_ScheduleNextRound: when the next scheduled round opens (or the year ends), and whether one is ahead. */
  public static final String VAR_NEXT_ROUND_AT = "nextRoundAt";
  public static final String VAR_ROUND_AHEAD = "roundAhead";
  public static final String VAR_TASK_DUE_DURATION = Deadlines.VAR_TASK_DUE_DURATION;
  public static final String VAR_REMINDER_DURATION = Deadlines.VAR_REMINDER_DURATION;

  /** Written by Task_OpenRound: the round's report, its number, and whether the finance bureau reviews it. */
  public static final String VAR_REPORT_ID = "reportId";
  public static final String VAR_ROUND_NO = "roundNo";
  public static final String VAR_FINANCE_REVIEW_REQUIRED = "financeReviewRequired";

  /** The report as JSON ({@link ReportSubmission}), from the report form. */
  public static final String VAR_MONITORING_REPORT = "monitoringReport";
  /** Written by Task_EvaluateWarningLight: GREEN, YELLOW or RED. */
  public static final String VAR_LIGHT = "light";
  /** The finance review (重点监控): APPROVE or RETURN, and the comment. */
  public static final String VAR_REVIEW_DECISION = "reviewDecision";
  public static final String VAR_REVIEW_COMMENT = "reviewComment";
  /** The correction plan form. */
  public static final String VAR_CORRECTION_PLAN = "correctionPlan";
  public static final String VAR_CORRECTION_DUE_DATE = "correctionDueDate";
  /** The red-light decision form: the action chosen, the amount to reclaim, the comment. */
  public static final String VAR_RED_LIGHT_DECISION = "redLightDecision";
  public static final String VAR_RECLAIM_AMOUNT = "reclaimAmount";
  public static final String VAR_DECISION_COMMENT = "decisionComment";
  /** Written by the decision's listener from the validated decision: the action the gateway routes by. */
  public static final String VAR_RED_LIGHT_ACTION = "redLightAction";
  public static final String VAR_SUPERVISION_NOTE = "supervisionNote";
  /** Out to the lifecycle: ENDED (the year's rounds done) or STOPPED (止损). */
  public static final String VAR_MONITORING_OUTCOME = "monitoringOutcome";

  private MonitoringProcess() {}
}
