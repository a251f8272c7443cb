package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jixiao.JixiaoApplication;
import org.jixiao.OwnEngine;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The deadline watch process (processes/deadline-watch.bpmn) in an application of its own, because running
 * it with the clock moved on reminds and escalates every open task of a district, the demo's included: one
 * timer per district; its job runs the watch for that district only, and a second run finds nothing new.
 */
@Tag(OwnEngine.TAG)
class DeadlineWatchProcessTest {

  static final String ENGINE_NAME = "--camunda.bpm.process-engine-name=deadline-watch-test";
  static final List<String> DISTRICTS = List.of("chongqing", "enyang", "gaomi", "jilin", "qijiang");

  static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(JixiaoApplication.class).profiles("test", "demo")
        .run("--server.port=0", ENGINE_NAME);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyDistrictHasOneWatchTimerThatNoOneStartsByHand() {
    ManagementService management = app.getBean(ManagementService.class);
    for (String district : DISTRICTS) {
      assertThat(management.createJobQuery().processDefinitionKey(Deadlines.WATCH_KEY).timers()
          .tenantIdIn(district).list()).as(district).singleElement()
          .satisfies(j -> assertThat(j.getDuedate()).isAfter(new Date()));
    }
    assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(Deadlines.WATCH_KEY).latestVersion().list())
        .hasSize(DISTRICTS.size())
        .allSatisfy(d -> assertThat(d.isStartableInTasklist()).isFalse())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(7));
  }

  @Test
  void theTimerRunsTheWatchOfItsOwnDistrictOnce() {
    String qijiang = apply("qijiang");
    String jilin = apply("jilin");
    TaskService tasks = app.getBean(TaskService.class);
    String qijiangTask = tasks.createTaskQuery().processInstanceId(qijiang).singleResult().getId();
    String jilinTask = tasks.createTaskQuery().processInstanceId(jilin).singleResult().getId();

    // past Qijiang's due date (P10D), before Jilin's (P15D) but past its reminder (P10D) too: only Qijiang acts
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(11, ChronoUnit.DAYS)));
    Map<String, Object> first = runWatch("qijiang");

    assertThat(first.get(Deadlines.VAR_REMINDED_TASKS)).isInstanceOf(Integer.class);
    assertThat((Integer) first.get(Deadlines.VAR_ESCALATED_TASKS)).isPositive();
    assertThat(tasks.createTaskQuery().processInstanceId(qijiang)
        .taskDefinitionKey(ExAnteProcess.TASK_SUPERVISE_OVERDUE).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(qijiangTask).singleResult().getPriority())
        .isEqualTo(Deadlines.REMINDED_PRIORITY);
    assertThat(tasks.createTaskQuery().taskId(jilinTask).singleResult().getPriority()).isEqualTo(50);
    assertThat(tasks.createTaskQuery().processInstanceId(jilin)
        .taskDefinitionKey(ExAnteProcess.TASK_SUPERVISE_OVERDUE).count()).isZero();
    assertThat(app.getBean(DeadlineWatch.class).recorded(jilinTask)).isEmpty();

    // the timer fires again an hour later: everything was done once already
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(11, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)));
    Map<String, Object> second = runWatch("qijiang");
    assertThat(second).containsEntry(Deadlines.VAR_REMINDED_TASKS, 0).containsEntry(Deadlines.VAR_ESCALATED_TASKS, 0);
    assertThat(tasks.createTaskQuery().processInstanceId(qijiang)
        .taskDefinitionKey(ExAnteProcess.TASK_SUPERVISE_OVERDUE).count()).isEqualTo(1);
  }

  /** Executes the district's watch timer job; returns the variables of the run it started. */
  private Map<String, Object> runWatch(String district) {
    ManagementService management = app.getBean(ManagementService.class);
    HistoryService history = app.getBean(HistoryService.class);
    Job timer = management.createJobQuery().processDefinitionKey(Deadlines.WATCH_KEY).timers()
        .tenantIdIn(district).singleResult();
    long runsBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(Deadlines.WATCH_KEY)
        .tenantIdIn(district).count();
    management.executeJob(timer.getId());

    List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Deadlines.WATCH_KEY).tenantIdIn(district).orderByProcessInstanceStartTime().desc().list();
    assertThat(runs).hasSize((int) runsBefore + 1);
    HistoricProcessInstance run = runs.get(0);
    assertThat(run.getEndActivityId()).isEqualTo(Deadlines.END_DEADLINES_WATCHED);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(Deadlines.TASK_WATCH_DEADLINES).finished().count()).isEqualTo(1);
    Map<String, Object> variables = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    // the next run is planned
    assertThat(management.createJobQuery().processDefinitionKey(Deadlines.WATCH_KEY).timers().tenantIdIn(district)
        .count()).isEqualTo(1);
    return variables;
  }

  private static String apply(String district) {
    String code = district.toUpperCase() + "-W-" + System.nanoTime();
    // items each district assesses (see ExAnteProcessTest.assessed)
    ItemType type = "qijiang".equals(district) ? ItemType.NEW_CONSTRUCTION : ItemType.DEPARTMENT_PROJECT;
    app.getBean(ProjectService.class).apply(ApplyProjectRequest.of(code, "期限巡检测试项目", district,
            district + "-education", type, new BigDecimal("30000000.00"), true),
        app.getBean(CallerLookup.class).of(district + "-edu"));
    // the ex-ante assessment the project's lifecycle called
    return app.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(ExAnteProcess.KEY)
        .processInstanceBusinessKey(code).singleResult().getId();
  }
}
