package org.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Tasklist filters: every card names its project and goal set, and a restart changes nothing. */
@PlatformTest
class TasklistFilterTest {

  @Autowired FilterService filterService;
  @Autowired AccessSetup accessSetup;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @Test
  void everyFilterShowsTheProjectAndGoalSetOnItsCardsAndARerunKeepsThemAsTheyAre() {
    List<Filter> filters = filterService.createFilterQuery().list();
    assertThat(filters).extracting(Filter::getName).contains("本科室待办", "我的待办", "即将到期", "已逾期", "全部可见事项", "事前评估待办",
        "绩效目标待办", "运行监控待办");

    accessSetup.apply();

    List<Filter> again = filterService.createFilterQuery().list();
    assertThat(again).hasSameSizeAs(filters);
    for (Filter filter : again) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> variables = (List<Map<String, Object>>) filter.getProperties().get("variables");
      assertThat(variables).as("card variables of %s", filter.getName())
          .extracting(v -> v.get("name"), v -> v.get("label"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("projectName", "项目名称"),
              org.assertj.core.groups.Tuple.tuple("departmentName", "预算单位"),
              org.assertj.core.groups.Tuple.tuple("applyAmount", "申报金额（元）"),
              org.assertj.core.groups.Tuple.tuple("stageName", "环节"),
              org.assertj.core.groups.Tuple.tuple("projectCode", "项目编码"),
              org.assertj.core.groups.Tuple.tuple("goalSetCode", "绩效目标编号"),
              org.assertj.core.groups.Tuple.tuple("roundNo", "监控轮次"));
    }
  }

  @Test
  void eachStagesFilterListsOnlyThatStagesWorkTheUserMayTake() {
    String user = "qijiang-edu";
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    identityService.setAuthentication(user, groups, tenants);
    try {
      assertThat(keysOf("事前评估待办")).as("the unit's assessment work (demo: self-assessment)")
          .isNotEmpty().containsOnly("Process_ExAnteAssessment");
      assertThat(keysOf("绩效目标待办")).as("the unit's goal work (demo: goals to draft)")
          .isNotEmpty().containsOnly("Process_GoalReview");
    } finally {
      identityService.clearAuthentication();
    }
  }

  private java.util.Set<String> keysOf(String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    List<org.camunda.bpm.engine.task.Task> tasks = filterService.list(filter.getId());
    return tasks.stream().map(t -> repositoryService.getProcessDefinition(t.getProcessDefinitionId()).getKey())
        .collect(java.util.stream.Collectors.toSet());
  }
}
