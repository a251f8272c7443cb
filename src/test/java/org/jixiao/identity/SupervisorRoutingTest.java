package org.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Instances started before the department tree keep working: the start-up reconciliation gives a running
 * lifecycle and its stage the reviewer group of the unit's place in the tree, so the next 初审 goes to the
 * unit's own 主管部门, and grants the 主管部门 the instances its unit already follows. A department outside the
 * tree is reviewed by the district's role group, as before the tree.
 */
@PlatformTest
class SupervisorRoutingTest {

  @Autowired SupervisorRouting routing;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired Departments departments;

  @Test
  void anInstanceStartedBeforeTheTreeGetsItsUnitsSupervisingDepartmentAtStartup() {
    String code = "TREE-OLD-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, "部门树之前的申报", "qijiang", "qijiang-health",
        ItemType.GENERAL_POLICY, new BigDecimal("6000000"), true), callers.of("qijiang-health"));
    ProcessInstance exAnte = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExAnteProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
    String lifecycle = historyService.createHistoricProcessInstanceQuery().processInstanceId(exAnte.getId())
        .singleResult().getRootProcessInstanceId();
    // as before the tree: no reviewer variable, no read grant for the 主管部门
    runtimeService.removeVariable(lifecycle, Departments.VAR_SUPERVISING_DEPARTMENT_GROUP);
    runtimeService.removeVariable(exAnte.getId(), Departments.VAR_SUPERVISING_DEPARTMENT_GROUP);
    revokeReads("qijiang-health-commission", exAnte.getId());
    assertThat(runtimeService.getVariables(exAnte.getId())).doesNotContainKey(
        Departments.VAR_SUPERVISING_DEPARTMENT_GROUP);

    routing.reconcile();

    assertThat(runtimeService.getVariable(lifecycle, Departments.VAR_SUPERVISING_DEPARTMENT_GROUP))
        .isEqualTo("qijiang-health-commission");
    assertThat(runtimeService.getVariable(exAnte.getId(), Departments.VAR_SUPERVISING_DEPARTMENT_GROUP))
        .isEqualTo("qijiang-health-commission");
    assertThat(reads("qijiang-health-commission", exAnte.getId())).isTrue();
    Task selfAssessment = taskService.createTaskQuery().processInstanceId(exAnte.getId()).singleResult();
    taskService.complete(selfAssessment.getId(), Map.of("scoreNecessity", 90, "scoreEconomy", 80,
        "scoreGoalReasonableness", 80, "scoreFeasibility", 80, "scoreFinancingCompliance", 90,
        ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "可行"));
    Task review = taskService.createTaskQuery().processInstanceId(exAnte.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("qijiang-health-commission");

    // a second start changes nothing
    routing.reconcile();
    assertThat(runtimeService.getVariable(exAnte.getId(), Departments.VAR_SUPERVISING_DEPARTMENT_GROUP))
        .isEqualTo("qijiang-health-commission");
  }

  @Test
  void aDepartmentOutsideTheTreeIsReviewedByTheDistrictsSupervisorsAsBefore() {
    Group legacy = identityService.newGroup("qijiang-legacy-unit");
    legacy.setName("綦江区旧建部门");
    legacy.setType(Role.DEPARTMENT_TYPE);
    identityService.saveGroup(legacy);
    identityService.createTenantGroupMembership("qijiang", "qijiang-legacy-unit");

    assertThat(departments.reviewerGroupOf("qijiang-legacy-unit")).isEqualTo(Role.SUPERVISING_DEPARTMENT.groupId());
    assertThat(callers.of("qijiang-supervisor").reviews("qijiang-legacy-unit")).isTrue();
    assertThat(callers.of("qijiang-supervisor-health").reviews("qijiang-legacy-unit")).isTrue();
    assertThat(callers.of("enyang-supervisor").mayRead("qijiang", "qijiang-legacy-unit")).isFalse();
    // placed in the tree, it is its 主管部门's alone
    departments.create(new Departments.NewDepartment("qijiang", "101009", "綦江区旧建部门", DepartmentKind.UNIT,
        "101", "qijiang-legacy-unit"));
    assertThat(departments.reviewerGroupOf("qijiang-legacy-unit")).isEqualTo("qijiang-edu-bureau");
    assertThat(callers.of("qijiang-supervisor").reviews("qijiang-legacy-unit")).isTrue();
    assertThat(callers.of("qijiang-supervisor-health").reviews("qijiang-legacy-unit")).isFalse();
    assertThat(callers.of("qijiang-supervisor-health").mayRead("qijiang", "qijiang-legacy-unit")).isFalse();
    assertThat(callers.of("qijiang-perf").mayRead("qijiang", "qijiang-legacy-unit")).isTrue();
  }

  private boolean reads(String group, String instanceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(instanceId).count() > 0
        && authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instanceId).count() > 0;
  }

  private void revokeReads(String group, String instanceId) {
    for (Resources resource : new Resources[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
      authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
          .resourceType(resource).resourceId(instanceId).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }
}
