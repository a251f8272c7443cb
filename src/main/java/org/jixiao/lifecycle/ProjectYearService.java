package org.jixiao.lifecycle;

import org.jixiao.goal.GoalSetting;
import org.jixiao.monitoring.MonitoringSetup;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's own steps between the stages: each hands the project on to the next stage and records the
 * stage it is in with the project, in the engine's transaction, so the record and the process never disagree.
 */
@Service
public class ProjectYearService {

  private final ProjectService projects;
  private final GoalSetting goals;
  private final MonitoringSetup monitoring;

  ProjectYearService(ProjectService projects, GoalSetting goals, MonitoringSetup monitoring) {
    this.projects = projects;
    this.goals = goals;
    this.monitoring = monitoring;
  }

  /** 开启绩效目标编制: the listed project's goal set for its budget year; returns its code for goal review. */
  @Transactional
  public String openGoalSetting(String projectCode) {
    String goalSetCode = goals.openForListedProject(projectCode);
    projects.enterStage(projectCode, ProjectStage.GOALS);
    return goalSetCode;
  }

  /** 登记目标批复: goal review ended with approved goals; execution monitoring opens next. */
  @Transactional
  public void goalsApproved(String projectCode) {
    projects.enterStage(projectCode, ProjectStage.GOALS_APPROVED);
  }

  /** 开启运行监控: the project's monitoring of its budget year; returns its code for the monitoring process. */
  @Transactional
  public String openMonitoring(String projectCode) {
    String code = monitoring.open(projectCode);
    projects.enterStage(projectCode, ProjectStage.MONITORING);
    return code;
  }

  /** 登记运行监控结束: the year's rounds are done; the project waits for its evaluation. */
  @Transactional
  public void monitoringEnded(String projectCode) {
    projects.enterStage(projectCode, ProjectStage.MONITORED);
  }

  /** 登记项目止损: the finance bureau stopped the project on a red light. */
  @Transactional
  public void projectStopped(String projectCode) {
    projects.enterStage(projectCode, ProjectStage.STOPPED);
  }
}
