package org.jixiao.lifecycle;

import org.jixiao.goal.GoalSetting;
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

  ProjectYearService(ProjectService projects, GoalSetting goals) {
    this.projects = projects;
    this.goals = goals;
  }

  /** 开启绩效目标编制: the listed project's goal set for its budget year; returns its code for goal review. */
  @Transactional
  public String openGoalSetting(String projectCode) {
    String goalSetCode = goals.openForListedProject(projectCode);
    projects.enterStage(projectCode, ProjectStage.GOALS);
    return goalSetCode;
  }

  /** 登记目标批复: goal review ended with approved goals; the project waits for execution monitoring. */
  @Transactional
  public void goalsApproved(String projectCode) {
    projects.enterStage(projectCode, ProjectStage.GOALS_APPROVED);
  }
}
