package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitoring endpoints over HTTP: reading a project's monitoring (own department, another department, another
 * district), marking key monitoring (the performance section only), extra rounds (all or none), the reclaimed
 * pool. Every refusal: status, Chinese message, and nothing changed.
 */
@PlatformTest
class MonitoringApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;
  MonitoredProjects monitored;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    monitored = new MonitoredProjects(engine, projects, callers);
  }

  @Test
  void aProjectsMonitoringIsReadByItsDepartmentAndTheFinanceBureauOnly() {
    String code = codeOf(monitored.monitored("qijiang", 2027));

    ResponseEntity<JsonNode> own = get("qijiang-edu", "/api/monitoring/projects/" + code + "?budgetYear=2027");
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody().get("code").asText()).isEqualTo(code + "-2027");
    assertThat(own.getBody().get("budgetAmount").decimalValue()).isEqualByComparingTo("1000000.00");
    assertThat(own.getBody().get("availableBudget").decimalValue()).isEqualByComparingTo("1000000.00");
    assertThat(own.getBody().get("paymentState").asText()).isEqualTo("NORMAL");
    assertThat(own.getBody().get("goals").get("indicators").size()).isEqualTo(4);
    assertThat(own.getBody().get("rounds").size()).isZero();
    assertThat(get("qijiang-perf", "/api/monitoring/projects/" + code).getStatusCode().value()).isEqualTo(200);

    ResponseEntity<JsonNode> otherDepartment = get("qijiang-health", "/api/monitoring/projects/" + code);
    // another department: the same 404 and message as a project without monitoring
    assertThat(otherDepartment.getStatusCode().value()).isEqualTo(404);
    assertThat(otherDepartment.getBody().get("message").asText()).isEqualTo("该项目没有运行监控记录：" + code);

    ResponseEntity<JsonNode> otherDistrict = get("jilin-perf", "/api/monitoring/projects/" + code);
    ResponseEntity<JsonNode> missing = get("jilin-perf", "/api/monitoring/projects/NO-SUCH-PROJECT");
    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(otherDistrict.getBody().get("message").asText()).isEqualTo("该项目没有运行监控记录：" + code);
  }

  @Test
  void onlyTheDistrictsPerformanceSectionMarksKeyMonitoringAndOnlyWithAReason() {
    String code = codeOf(monitored.monitored("qijiang", 2027));
    String path = "/api/monitoring/projects/" + code + "/key-monitoring";

    ResponseEntity<JsonNode> unit = send("qijiang-edu", HttpMethod.PUT, path, Map.of("budgetYear", 2027, "reason", "MAJOR_WORKS"));
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(unit.getBody().get("message").asText()).isEqualTo("只有财政局绩效科可以确定重点监控项目和追加监控轮次");
    ResponseEntity<JsonNode> otherDistrict = send("jilin-perf", HttpMethod.PUT, path, Map.of("budgetYear", 2027, "reason", "MAJOR_WORKS"));
    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(404);
    ResponseEntity<JsonNode> noReason = send("qijiang-perf", HttpMethod.PUT, path, Map.of("budgetYear", 2027));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody().get("message").asText()).contains("请选择重点监控的理由");
    ResponseEntity<JsonNode> badReason = send("qijiang-perf", HttpMethod.PUT, path, Map.of("budgetYear", 2027, "reason", "FRIENDS"));
    assertThat(badReason.getStatusCode().value()).isEqualTo(400);
    assertThat(keyMonitored(code)).as("nothing changed").isFalse();

    ResponseEntity<JsonNode> marked = send("qijiang-perf", HttpMethod.PUT, path,
        Map.of("budgetYear", 2027, "reason", "AUDIT_FINDING", "comment", "审计发现资金闲置"));
    assertThat(marked.getStatusCode().value()).isEqualTo(200);
    assertThat(marked.getBody().get("keyMonitoring").asBoolean()).isTrue();
    assertThat(marked.getBody().get("keyReasonLabel").asText()).isEqualTo("审计发现问题");
    assertThat(keyMonitored(code)).isTrue();

    ResponseEntity<JsonNode> unmarked = send("qijiang-perf", HttpMethod.DELETE, path + "?budgetYear=2027", null);
    assertThat(unmarked.getStatusCode().value()).isEqualTo(200);
    assertThat(keyMonitored(code)).isFalse();
  }

  @Test
  void anExtraRoundOpensForAllChosenProjectsOrForNone() {
    ProcessInstance waiting = monitored.monitored("qijiang", 2027);
    ProcessInstance inRound = monitored.monitored("qijiang", 2027);
    BpmnAwareTests.execute(engine.getManagementService().createJobQuery().processInstanceId(inRound.getId())
        .timers().singleResult());
    List<String> codes = List.of(codeOf(waiting), codeOf(inRound));
    long reports = count();

    ResponseEntity<JsonNode> unit = post("qijiang-edu", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", 2027, "projectCodes", codes));
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> future = post("qijiang-perf", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", 2027, "projectCodes", codes));
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody().get("message").asText()).isEqualTo("追加轮次的数据截至日期应在 2027 年内，且不晚于今天");
    ResponseEntity<JsonNode> otherDistrict = post("jilin-perf", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", 2027, "projectCodes", codes));
    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(404);
    ResponseEntity<JsonNode> none = post("qijiang-perf", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", 2027, "projectCodes", List.of()));
    assertThat(none.getStatusCode().value()).isEqualTo(400);
    assertThat(none.getBody().get("message").asText()).contains("请选择要追加监控轮次的项目");
    assertThat(count()).as("nothing opened").isEqualTo(reports);
    BpmnAwareTests.assertThat(waiting).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);
  }

  @Test
  void anExtraRoundForAProjectInTheMiddleOfARoundIs409AndOpensNoneOfTheChosen() {
    int year = java.time.LocalDate.now(MonitoringRounds.ZONE).getYear();
    ProcessInstance waiting = monitored.monitored("qijiang", year);
    ProcessInstance inRound = monitored.monitored("qijiang", year);
    assertThat(post("qijiang-perf", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", year, "projectCodes", List.of(codeOf(inRound)))).getStatusCode().value())
        .isEqualTo(200);
    BpmnAwareTests.assertThat(inRound).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
    long reports = count();

    ResponseEntity<JsonNode> both = post("qijiang-perf", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", year, "projectCodes", List.of(codeOf(waiting), codeOf(inRound))));

    assertThat(both.getStatusCode().value()).isEqualTo(409);
    assertThat(both.getBody().get("message").asText())
        .isEqualTo("以下项目现在不能追加监控轮次，均未追加：" + codeOf(inRound) + "（本轮监控尚未完成或本年监控已结束）");
    assertThat(count()).as("nothing opened").isEqualTo(reports);
    BpmnAwareTests.assertThat(waiting).isWaitingAt(MonitoringProcess.GATEWAY_AWAIT_ROUND);

    ResponseEntity<JsonNode> alone = post("qijiang-perf", "/api/monitoring/extra-rounds",
        Map.of("district", "qijiang", "budgetYear", year, "projectCodes", List.of(codeOf(waiting))));
    assertThat(alone.getStatusCode().value()).isEqualTo(200);
    assertThat(alone.getBody().get(0).get("rounds").get(0).get("extra").asBoolean()).isTrue();
    BpmnAwareTests.assertThat(waiting).isWaitingAt(MonitoringProcess.TASK_REPORT_MONITORING);
  }

  @Test
  void theReclaimedPoolIsTheFinanceBureaus() {
    ResponseEntity<JsonNode> unit = get("qijiang-edu", "/api/monitoring/reclaimed-pool?district=qijiang&budgetYear=2027");
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(unit.getBody().get("message").asText()).isEqualTo("只有财政局可以查看收回资金");
    ResponseEntity<JsonNode> budget = get("qijiang-budget", "/api/monitoring/reclaimed-pool?district=qijiang&budgetYear=2027");
    assertThat(budget.getStatusCode().value()).isEqualTo(200);
    assertThat(budget.getBody().get("total").decimalValue()).isEqualByComparingTo(jdbc.queryForObject(
        "select coalesce(sum(amount), 0) from monitoring_action where district = 'qijiang' and budget_year = 2027"
            + " and kind = 'RECLAIM'", java.math.BigDecimal.class));
    assertThat(get("jilin-perf", "/api/monitoring/reclaimed-pool?district=qijiang&budgetYear=2027")
        .getStatusCode().value()).isEqualTo(404);
  }

  private boolean keyMonitored(String code) {
    return jdbc.queryForObject("select key_monitoring from monitoring_project where project_code = ? and budget_year = 2027",
        Boolean.class, code);
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from monitoring_report", Long.class);
  }

  private String codeOf(ProcessInstance instance) {
    String key = instance.getBusinessKey();
    return key.substring(0, key.lastIndexOf('-'));
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return send(user, HttpMethod.POST, path, body);
  }

  private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
