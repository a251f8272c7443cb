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

  @Test
  void everyFilterShowsTheProjectAndGoalSetOnItsCardsAndARerunKeepsThemAsTheyAre() {
    List<Filter> filters = filterService.createFilterQuery().list();
    assertThat(filters).extracting(Filter::getName).contains("我的待办", "岗位待办", "全部可见事项");

    accessSetup.apply();

    List<Filter> again = filterService.createFilterQuery().list();
    assertThat(again).hasSameSizeAs(filters);
    for (Filter filter : again) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> variables = (List<Map<String, Object>>) filter.getProperties().get("variables");
      assertThat(variables).as("card variables of %s", filter.getName())
          .extracting(v -> v.get("name"), v -> v.get("label"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("projectCode", "项目编码"),
              org.assertj.core.groups.Tuple.tuple("goalSetCode", "绩效目标编号"));
    }
  }
}
