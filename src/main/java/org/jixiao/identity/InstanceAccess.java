package org.jixiao.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Per-instance read grants: a department follows the instances about its own projects and goals, no others,
 * and so does the group that reviews it along the department tree (its 主管部门; the role group
 * {@code supervisingDepartment} for a department outside the tree, {@link Departments#reviewerGroupOf}).
 */
@Component
public class InstanceAccess {

  private final AuthorizationService authorizationService;
  private final HistoryService historyService;
  private final Departments departments;

  InstanceAccess(AuthorizationService authorizationService, HistoryService historyService, Departments departments) {
    this.authorizationService = authorizationService;
    this.historyService = historyService;
    this.departments = departments;
  }

  /** The department and its reviewers read the instance (at most one grant each: a second call changes nothing). */
  public void letDepartmentFollow(String processInstanceId, String department) {
    letGroupFollow(processInstanceId, department);
    letGroupFollow(processInstanceId, departments.reviewerGroupOf(department));
  }

  /** The group reads the instance and its history. */
  void letGroupFollow(String processInstanceId, String group) {
    grantRead(group, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
    grantRead(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * The department reads the instance and every instance it has called so far (a project's lifecycle and the
   * stages it started in the same transaction); stages called later grant their own instance.
   */
  public void letDepartmentFollowWithCalled(String rootProcessInstanceId, String department) {
    letDepartmentFollow(rootProcessInstanceId, department);
    historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootProcessInstanceId).list()
        .forEach(called -> letDepartmentFollow(called.getId(), department));
  }

  private void grantRead(String group, Resources resource, String resourceId, Permission read) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null) {
      if (!existing.isPermissionGranted(read)) {
        existing.addPermission(read);
        authorizationService.saveAuthorization(existing);
      }
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(read);
    authorizationService.saveAuthorization(authorization);
  }
}
