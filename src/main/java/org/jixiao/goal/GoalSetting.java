package org.jixiao.goal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.Departments;
import org.jixiao.identity.InstanceAccess;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening goal setting (绩效目标编制): for a listed project as a step of its lifecycle, or by a unit itself for a
 * further year of a project or its department's whole budget; and the start of its review.
 */
@Service
public class GoalSetting {

  private final GoalSetRepository sets;
  private final ProjectService projects;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final InstanceAccess instanceAccess;
  private final GoalRecords records;
  private final Departments departments;

  GoalSetting(GoalSetRepository sets, ProjectService projects, RuntimeService runtimeService,
      IdentityService identityService, InstanceAccess instanceAccess, GoalRecords records, Departments departments) {
    this.departments = departments;
    this.sets = sets;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.instanceAccess = instanceAccess;
    this.records = records;
  }

  /**
   * A listed project gets goals (开启绩效目标编制, a step of the project-year lifecycle): the goal set of its
   * budget year, without a process; the lifecycle then calls goal review with the code returned.
   */
  @Transactional
  public String openForListedProject(String projectCode) {
    ProjectRef project = projects.reference(projectCode);
    if (project.status() != ProjectStatus.LISTED) {
      throw new IllegalStateException("goal setting opened for a project that is not listed: " + projectCode);
    }
    String code = codeOf(project.code(), project.budgetYear());
    if (sets.existsByCode(code)) {
      throw new IllegalStateException("goal setting opened twice for " + code);
    }
    sets.save(new GoalSet(code, GoalSubject.PROJECT, project.id(), project.district(), project.department(),
        project.budgetYear(), project.budgetAmount(), GoalRecords.SYSTEM, OffsetDateTime.now()));
    return code;
  }

  /**
   * For an ex-ante instance started before the project-year lifecycle existed (its model opened goal setting
   * itself): the goal set of the listed project's year, with its own goal review process, as it was then.
   */
  @Transactional
  public String openWithReviewForListedProject(String projectCode) {
    String code = openForListedProject(projectCode);
    start(sets.require(code), projectCode);
    return code;
  }

  /**
   * Goal review started for the set, however it was started (by {@link #open}, or called by the lifecycle):
   * the set knows its instance, and its department follows it.
   */
  @Transactional
  public void reviewStarted(String code, String processInstanceId) {
    GoalSet set = sets.require(code);
    set.startedAs(processInstanceId);
    instanceAccess.letDepartmentFollow(processInstanceId, set.getDepartment());
  }

  /** Goal setting a unit opens itself: a further year of a listed project, or its department's whole budget. */
  @Transactional
  public GoalSetView open(OpenGoalSetRequest request, Caller caller) {
    GoalSet set;
    ProjectRef project = null;
    if (request.projectCode() != null && !request.projectCode().isBlank()) {
      project = projects.reference(request.projectCode().strip());
      GoalRecords.mayDraft(caller, project.district(), project.department());
      if (project.status() != ProjectStatus.LISTED) {
        throw ApiException.conflict("项目尚未入库，不能设定绩效目标（当前：" + project.status().label() + "）");
      }
      int year = request.budgetYear() != null ? request.budgetYear() : project.budgetYear();
      set = new GoalSet(codeOf(project.code(), year), GoalSubject.PROJECT, project.id(), project.district(),
          project.department(), year, project.budgetAmount(), caller.userId(), OffsetDateTime.now());
    } else {
      if (isBlank(request.district()) || isBlank(request.department()) || request.budgetYear() == null
          || request.budgetAmount() == null) {
        throw ApiException.badRequest("部门整体绩效目标须填写辖区、部门、预算年度和预算金额；项目绩效目标须填写项目编码");
      }
      GoalRecords.mayDraft(caller, request.district(), request.department());
      if (identityService.createGroupQuery().groupId(request.department()).groupType(Role.DEPARTMENT_TYPE)
          .memberOfTenant(request.district()).count() == 0) {
        throw ApiException.badRequest("部门不存在或不属于辖区 " + request.district() + "：" + request.department());
      }
      set = new GoalSet(codeOf(request.department(), request.budgetYear()), GoalSubject.DEPARTMENT, null,
          request.district(), request.department(), request.budgetYear(), request.budgetAmount(), caller.userId(),
          OffsetDateTime.now());
    }
    if (sets.existsByCode(set.getCode())) {
      throw ApiException.conflict("该预算年度的绩效目标已存在：" + set.getCode());
    }
    GoalSet started = start(set, project == null ? null : project.code());
    return records.view(started, project);
  }

  private GoalSet start(GoalSet set, String projectCode) {
    if (set.getId() == null) {
      sets.save(set);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(GoalReviewProcess.VAR_GOAL_SET_CODE, set.getCode());
    variables.put(GoalReviewProcess.VAR_PROJECT_CODE, projectCode);
    variables.put(GoalReviewProcess.VAR_DEPARTMENT_GROUP, set.getDepartment());
    variables.put(GoalReviewProcess.VAR_SUPERVISING_DEPARTMENT_GROUP, departments.reviewerGroupOf(set.getDepartment()));
    variables.put(GoalReviewProcess.VAR_BUDGET_YEAR, set.getBudgetYear());
    // its start records the instance with the set (reviewStarted)
    runtimeService.createProcessInstanceByKey(GoalReviewProcess.KEY)
        .processDefinitionTenantId(set.getDistrict())
        .businessKey(set.getCode())
        .setVariables(variables)
        .execute();
    return set;
  }

  static String codeOf(String owner, int budgetYear) {
    return owner + "-" + budgetYear;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
