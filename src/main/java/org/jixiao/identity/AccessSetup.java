package org.jixiao.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The platform's access model, created idempotently at every start: role groups, the authorizations each
 * role needs beyond what task candidacy gives, and the Tasklist filters every user sees.
 *
 * <p>Tasks are visible through candidacy alone: the engine grants a task's candidate groups READ and
 * UPDATE on that task, and tenant checks keep each user inside their districts. A budget unit's tasks
 * name its department group as candidate, so another department never sees them.
 */
@Service
public class AccessSetup {

  /**
   * Roles that follow the whole chain of their district (Cockpit and process-instance lists). Not the
   * supervisors: a 主管部门 follows only its own units' instances, through the per-instance grants of
   * {@link InstanceAccess} along the department tree.
   */
  static final List<Role> INSTANCE_READERS = List.of(Role.FINANCE_PERFORMANCE,
      Role.FINANCE_BUDGET, Role.BUDGET_COMMITTEE, Role.NPC_OBSERVER);
  /** Roles that watch the chain in Cockpit. */
  static final List<Role> COCKPIT_USERS = List.of(Role.FINANCE_PERFORMANCE, Role.FINANCE_BUDGET);


  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final List<StageAccess> stages;

  AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, List<StageAccess> stages) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.stages = stages;
  }

  public void apply() {
    for (Role role : Role.values()) {
      ensureGroup(role.groupId(), role.chineseName(), Role.ROLE_TYPE);
    }
    // everyone who can log in: Tasklist, reading definitions (names, diagrams, forms), user and group names
    grantAll(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantAll(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    // rule tables are published policy: anyone whose task completion evaluates one may do so
    grantAll(Resources.DECISION_DEFINITION, ANY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grantAll(Resources.USER, ANY, Permissions.READ);
    grantAll(Resources.GROUP, ANY, Permissions.READ);
    for (Role role : INSTANCE_READERS) {
      grant(role, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
      grant(role, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
      grant(role, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    // before the department tree the supervisors read every instance of their districts: no longer
    revoke(Role.SUPERVISING_DEPARTMENT, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
    revoke(Role.SUPERVISING_DEPARTMENT, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
    revoke(Role.SUPERVISING_DEPARTMENT, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    for (Role role : COCKPIT_USERS) {
      grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(role, Resources.DEPLOYMENT, Permissions.READ);
      grant(role, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
      grant(role, Resources.BATCH, Permissions.READ);
    }
    // the performance section supervises the chain: it may retry failed jobs and resolve incidents
    grant(Role.FINANCE_PERFORMANCE, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.UPDATE);
    grant(Role.FINANCE_PERFORMANCE, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    // what each stage adds: the processes its roles start in Tasklist (发起流程), its Tasklist card variables
    List<Map<String, String>> cardVariables = new ArrayList<>();
    List<StageFilter> stageFilters = new ArrayList<>();
    StageAccess.Grants grants = new StageAccess.Grants() {
      @Override
      public void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        AccessSetup.this.grant(role, resource, resourceId, permissions);
        if (resource == Resources.PROCESS_DEFINITION) {
          // starting a process creates an instance
          AccessSetup.this.grant(role, Resources.PROCESS_INSTANCE, Permissions.CREATE);
        }
      }

      @Override
      public void cardVariable(String name, String label) {
        cardVariables.add(Map.of("name", name, "label", label));
      }

      @Override
      public void workFilter(String name, String description, int priority, String... processDefinitionKeys) {
        stageFilters.add(new StageFilter(name, description, priority, processDefinitionKeys));
      }
    };
    stages.forEach(stage -> stage.contribute(grants));
    // administrators: every permission on every resource, as Camunda's own first-user setup grants
    for (Resource resource : Resources.values()) {
      grant(Role.ADMINISTRATOR, resource, Permissions.ALL);
    }
    grantDistrictAdministrators();
    ensureFilters(List.copyOf(cardVariables));
    for (StageFilter f : stageFilters) {
      ensureFilter(f.name(), f.description(), f.priority(), taskService.createTaskQuery()
          .processDefinitionKeyIn(f.processDefinitionKeys())
          .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), cardVariables);
    }
  }

  /**
   * 辖区管理员: Admin for users, departments and memberships, and model deployments (Modeler) seen in
   * Cockpit. The grants are on any id; {@link DistrictAdministration} and the REST guard in {@code system}
   * narrow every write to the administrator's own districts. No authorization or tenant writes, no system.
   */
  private void grantDistrictAdministrators() {
    Role admin = Role.DISTRICT_ADMINISTRATOR;
    grant(admin, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(admin, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(admin, Resources.USER, Permissions.READ, Permissions.CREATE, Permissions.UPDATE, Permissions.DELETE);
    grant(admin, Resources.GROUP, Permissions.READ, Permissions.CREATE, Permissions.UPDATE, Permissions.DELETE);
    grant(admin, Resources.GROUP_MEMBERSHIP, Permissions.CREATE, Permissions.DELETE);
    grant(admin, Resources.TENANT, Permissions.READ);
    grant(admin, Resources.TENANT_MEMBERSHIP, Permissions.CREATE, Permissions.DELETE);
    grant(admin, Resources.DEPLOYMENT, Permissions.READ, Permissions.CREATE);
    grant(admin, Resources.DECISION_DEFINITION, Permissions.READ);
    grant(admin, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
  }

  private record StageFilter(String name, String description, int priority, String[] processDefinitionKeys) {}

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  /**
   * The filters every user sees; their cards show the variables the stages named. Tasklist opens the filter of the
   * lowest priority: 本科室待办 (what my groups may take, and what I claimed of it), where a reviewer's work waits;
   * Tasklist's script (static/jixiao/tasklist/) moves on to the first filter with items when that one is empty.
   * 我已办理 and 我发起的 are history, not task queries: Tasklist's script lists them from /api/me.
   */
  private void ensureFilters(List<Map<String, String>> cardVariables) {
    ensureFilter("本科室待办", "岗位待办", "我所在科室、岗位或部门可认领的事项（含我已认领的）", -20,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(), cardVariables);
    ensureFilter("我的待办", null, "已认领、由我经办的事项", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), cardVariables);
    ensureFilter("即将到期", null, "我可办理、3 天内到期的事项", -8,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}"), cardVariables);
    ensureFilter("已逾期", null, "我可办理、已超过办理期限的事项", -6,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}"), cardVariables);
    ensureFilter("全部可见事项", null, "本辖区中我有权查看的全部事项", 10, taskService.createTaskQuery(), cardVariables);
  }

  private void ensureFilter(String name, String description, int priority, TaskQuery query,
      List<Map<String, String>> cardVariables) {
    ensureFilter(name, null, description, priority, query, cardVariables);
  }

  /** The filter by its name (or, once, by its former name, renamed), with these properties and this query. */
  private void ensureFilter(String name, String formerName, String description, int priority, TaskQuery query,
      List<Map<String, String>> cardVariables) {
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", cardVariables);
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null && formerName != null) {
      filter = filterService.createFilterQuery().filterName(formerName).singleResult();
      if (filter != null) {
        filterService.saveFilter(filter.setName(name).setQuery(query).setProperties(properties));
      }
    }
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
      filterService.saveFilter(filter);
    } else if (!properties.equals(filter.getProperties())) {
      filterService.saveFilter(filter.setProperties(properties));
    }
    grantAll(Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void grant(Role role, Resource resource, Permission... permissions) {
    grant(role, resource, ANY, permissions);
  }

  private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    ensureAuthorization(AUTH_TYPE_GRANT, role.groupId(), resource, resourceId, permissions);
  }

  /** Takes the permissions (on any resource id) from the role's grant, where it has them. */
  private void revoke(Role role, Resource resource, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(role.groupId()).resourceType(resource).resourceId(ANY).singleResult();
    if (authorization == null) {
      return;
    }
    boolean granted = false;
    for (Permission permission : permissions) {
      if (authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        granted = true;
      }
    }
    if (granted) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void grantAll(Resource resource, String resourceId, Permission... permissions) {
    ensureAuthorization(AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
  }

  /** Adds the permissions to the one authorization of (group or everyone, resource, id), creating it if absent. */
  private void ensureAuthorization(int type, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    var query = authorizationService.createAuthorizationQuery()
        .authorizationType(type).resourceType(resource).resourceId(resourceId);
    Authorization authorization = (groupId == null ? query.userIdIn(ANY) : query.groupIdIn(groupId)).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(type);
      if (groupId == null) {
        authorization.setUserId(ANY);
      } else {
        authorization.setGroupId(groupId);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
