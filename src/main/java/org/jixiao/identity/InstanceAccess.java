package org.jixiao.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Per-instance read grants: a department follows the instances about its own projects and goals, no others. */
@Component
public class InstanceAccess {

  private final AuthorizationService authorizationService;

  InstanceAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void letDepartmentFollow(String processInstanceId, String department) {
    grantRead(department, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
    grantRead(department, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  private void grantRead(String group, Resources resource, String resourceId, Permission read) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(read);
    authorizationService.saveAuthorization(authorization);
  }
}
