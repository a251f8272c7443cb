package org.jixiao.monitoring;

import java.time.OffsetDateTime;
import org.jixiao.goal.ApprovedGoals;
import org.jixiao.identity.InstanceAccess;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a project's monitoring for its budget year once its goals are approved (the lifecycle's step before it
 * calls the monitoring process): the monitoring record with the approved budget. Returns the monitoring code.
 */
@Service
public class MonitoringSetup {

  private final MonitoringProjectRepository projects;
  private final ProjectService projectLibrary;
  private final ApprovedGoals goals;
  private final InstanceAccess instanceAccess;

  MonitoringSetup(MonitoringProjectRepository projects, ProjectService projectLibrary, ApprovedGoals goals,
      InstanceAccess instanceAccess) {
    this.projects = projects;
    this.projectLibrary = projectLibrary;
    this.goals = goals;
    this.instanceAccess = instanceAccess;
  }

  /** 开启运行监控: the project's monitoring record for its budget year (again the same one if it exists). */
  @Transactional
  public String open(String projectCode) {
    ProjectRef project = projectLibrary.reference(projectCode);
    MonitoringProject existing = projects.findByProjectCodeAndBudgetYear(projectCode, project.budgetYear()).orElse(null);
    if (existing != null) {
      return existing.code();
    }
    ApprovedGoals.Approved approved = goals.forProject(project.id(), project.budgetYear())
        .orElseThrow(() -> new IllegalStateException("monitoring opened without approved goals: " + projectCode));
    MonitoringProject opened = projects.save(new MonitoringProject(project.code(), project.id(), project.district(),
        project.department(), project.budgetYear(), approved.budgetAmount(), OffsetDateTime.now()));
    return opened.code();
  }

  /** The department follows its monitoring instance (Tasklist history, Cockpit) as it does the other stages. */
  @Transactional
  public void started(String projectCode, int budgetYear, String processInstanceId) {
    MonitoringProject project = projects.require(projectCode, budgetYear);
    project.startedAs(processInstanceId, OffsetDateTime.now());
    instanceAccess.letDepartmentFollow(processInstanceId, project.getDepartment());
  }
}
