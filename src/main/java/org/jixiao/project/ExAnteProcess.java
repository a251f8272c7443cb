package org.jixiao.project;

/**
 * The ex-ante assessment process ({@code processes/ex-ante-assessment.bpmn}): its key, the element ids
 * code and tests refer to, and its variables. The business key is the project code.
 */
public final class ExAnteProcess {

  public static final String KEY = "Process_ExAnteAssessment";

  public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";
  public static final String TASK_REVISE_APPLICATION = "Task_ReviseApplication";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String TASK_LIST_PROJECT = "Task_ListProject";
  public static final String TASK_REJECT_PROJECT = "Task_RejectProject";
  public static final String END_PROJECT_LISTED = "EndEvent_ProjectListed";
  public static final String END_PROJECT_REJECTED = "EndEvent_ProjectRejected";

  /** The project's code (also the business key), for forms that load the project from /api/projects. */
  public static final String VAR_PROJECT_CODE = "projectCode";
  /** Candidate group of the applicant's tasks: the budget unit's department group. */
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  /** User who applied. */
  public static final String VAR_APPLICANT = "applicant";
  /** A reviewer's conclusion, a {@link ReviewDecision} name; read by {@link #GATEWAY_REVIEW_DECISION}. */
  public static final String VAR_REVIEW_DECISION = "reviewDecision";
  /** The reviewer's comment, recorded with the decision. */
  public static final String VAR_REVIEW_COMMENT = "reviewComment";
  /** The applicant's note on what was revised, recorded with the resubmission. */
  public static final String VAR_REVISION_NOTE = "revisionNote";

  private ExAnteProcess() {}
}
