package org.jixiao.stage;

/** What an opinion is about; its code is the business key of the subject's processes. */
public enum SubjectType {
  /** a project or policy in the project library, by project code */
  PROJECT,
  /** a goal set (a project's or a department's goals for a budget year), by goal set code */
  GOAL_SET,
  /** a project's execution monitoring for a budget year, by monitoring code (project code and year) */
  MONITORING
}
