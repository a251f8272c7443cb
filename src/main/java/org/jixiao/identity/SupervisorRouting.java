package org.jixiao.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings what was started before the department tree (or before a department was placed in it) in line with
 * the tree, at every start: each running instance that names a department ({@code departmentGroup}) holds its
 * reviewer group in {@link Departments#VAR_SUPERVISING_DEPARTMENT_GROUP}, so its next 初审 goes to that group;
 * and each reviewer group reads the instances its departments read. A task already waiting keeps the
 * candidates it was created with. Changes nothing where all is in line.
 */
@Component
class SupervisorRouting {

  private static final Logger log = LoggerFactory.getLogger(SupervisorRouting.class);

  private final RuntimeService runtimeService;
  private final AuthorizationService authorizationService;
  private final Departments departments;
  private final InstanceAccess instanceAccess;

  SupervisorRouting(RuntimeService runtimeService, AuthorizationService authorizationService,
      Departments departments, InstanceAccess instanceAccess) {
    this.runtimeService = runtimeService;
    this.authorizationService = authorizationService;
    this.departments = departments;
    this.instanceAccess = instanceAccess;
  }

  @Transactional
  public void reconcile() {
    Map<String, String> departmentOf = processScoped(Departments.VAR_DEPARTMENT_GROUP);
    Map<String, String> reviewerOf = processScoped(Departments.VAR_SUPERVISING_DEPARTMENT_GROUP);
    Map<String, String> expected = departments.reviewerGroupsOf(new HashSet<>(departmentOf.values()));
    int routed = 0;
    for (Map.Entry<String, String> instance : departmentOf.entrySet()) {
      String reviewer = expected.get(instance.getValue());
      if (!reviewer.equals(reviewerOf.get(instance.getKey()))) {
        runtimeService.setVariable(instance.getKey(), Departments.VAR_SUPERVISING_DEPARTMENT_GROUP, reviewer);
        routed++;
      }
    }
    int granted = 0;
    Map<String, String> reviewers = departments.reviewerGroupsOf(departments.allDepartmentGroups());
    for (Map.Entry<String, String> department : reviewers.entrySet()) {
      Set<String> followed = instancesRead(department.getKey());
      if (followed.isEmpty()) {
        continue;
      }
      Set<String> already = instancesRead(department.getValue());
      for (String instanceId : followed) {
        if (!already.contains(instanceId)) {
          instanceAccess.letGroupFollow(instanceId, department.getValue());
          granted++;
        }
      }
    }
    if (routed > 0 || granted > 0) {
      log.info("部门树：{} 个运行中流程实例改由所属主管部门初审，{} 个流程实例授予主管部门查看", routed, granted);
    }
  }

  /** The variable's value by process instance, where it is a text held by the instance itself. */
  private Map<String, String> processScoped(String name) {
    Map<String, String> values = new HashMap<>();
    List<VariableInstance> variables = runtimeService.createVariableInstanceQuery().variableName(name)
        .disableBinaryFetching().disableCustomObjectDeserialization().list();
    for (VariableInstance v : variables) {
      if (v.getValue() instanceof String text && v.getProcessInstanceId() != null
          && v.getProcessInstanceId().equals(v.getExecutionId())) {
        values.put(v.getProcessInstanceId(), text);
      }
    }
    return values;
  }

  /** The (historic) process instances the group reads by its own per-instance grants. */
  private Set<String> instancesRead(String group) {
    Set<String> ids = new HashSet<>();
    for (Authorization a : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.HISTORIC_PROCESS_INSTANCE).list()) {
      if (!Authorization.ANY.equals(a.getResourceId())) {
        ids.add(a.getResourceId());
      }
    }
    return ids;
  }
}
