package org.jixiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.monitoring.MonitoringProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo profile leaves a monitoring round in progress in every district whose goals need no 抽审 draw: the
 * unit's report waits in Tasklist.
 */
@PlatformTest
class DemoMonitoringTest {

  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyDistrictsUnitHasThisYearsAddedRoundToReport() {
    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    // Chongqing's approved goals wait for its 抽审 draw (the finance bureau's own step), so its 006 is not yet monitored
    for (String d : List.of("qijiang", "jilin", "enyang", "gaomi")) {
      String monitoringCode = d.toUpperCase() + "-" + year + "-006-" + year;
      Task report = taskService.createTaskQuery().processInstanceBusinessKey(monitoringCode)
          .processDefinitionKey(MonitoringProcess.KEY).singleResult();
      assertThat(report).as("the report of %s", monitoringCode).isNotNull();
      assertThat(report.getTaskDefinitionKey()).isEqualTo(MonitoringProcess.TASK_REPORT_MONITORING);
      assertThat(taskService.getIdentityLinksForTask(report.getId())).anySatisfy(
          link -> assertThat(link.getGroupId()).isEqualTo(d + "-education"));
      assertThat(jdbc.queryForObject("select count(*) from monitoring_report where project_code = ? and extra = true",
          Long.class, d.toUpperCase() + "-" + year + "-006")).isEqualTo(1);
    }
  }
}
