package org.jixiao.project;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jixiao.identity.Role;
import org.jixiao.identity.StageAccess;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The project library's part of the access model: every card of a project's task shows its code, name, department,
 * requested amount and stage; a budget unit finds 项目申报 under 发起流程 (the start form of the lifecycle, which
 * applies through /api/projects: the engine refuses a direct start, see stage.TaskGuard).
 */
@Component
@Order(10)
class ProjectAccess implements StageAccess {

  @Override
  public void contribute(Grants grants) {
    grants.grant(Role.BUDGET_UNIT, Resources.PROCESS_DEFINITION, ProjectService.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // the most telling first: a collapsed card shows the first few (app/tasklist/styles/user-styles.css)
    grants.cardVariable(ProjectService.VAR_PROJECT_NAME, "项目名称");
    grants.cardVariable(ProjectService.VAR_DEPARTMENT_NAME, "预算单位");
    grants.cardVariable(ProjectService.VAR_APPLY_AMOUNT, "申报金额（元）");
    grants.cardVariable(ProjectService.VAR_STAGE_NAME, "环节");
    grants.cardVariable(ProjectService.VAR_PROJECT_CODE, "项目编码");
  }
}
