package org.jixiao.project;

import org.jixiao.identity.StageAccess;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The project library's part of the access model: every card of a project's task shows its code. */
@Component
@Order(10)
class ProjectAccess implements StageAccess {

  @Override
  public void contribute(Grants grants) {
    grants.cardVariable(ProjectService.VAR_PROJECT_CODE, "项目编码");
  }
}
