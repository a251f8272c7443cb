package org.jixiao.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A department's whole-budget goals (100 indicators, far beyond a string variable's 4,000 characters)
 * submitted the ways a unit can: Tasklist's form, {@code /engine-rest}, and an adjustment over the API.
 */
@PlatformTest
class LargeGoalDraftTest {

  static final String HUNDRED = Goals.manyIndicators(100);

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired Goals fixture;
  @Autowired ObjectMapper json;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
    assertThat(HUNDRED.length()).as("the draft does not fit a string variable").isGreaterThan(4000 * 3);
  }

  @Test
  void aHundredIndicatorsAreSubmittedFromTasklistAsAJsonValue() {
    String code = fixture.listedProject("qijiang");
    String taskId = fixture.task(code).getId();
    TasklistSession unit = TasklistSession.login(http, "qijiang-edu", "demo");

    ResponseEntity<String> submitted = unit.submitForm(taskId, Map.of(
        GoalReviewProcess.VAR_GOAL_DRAFT, Map.of("type", "Json", "value", HUNDRED),
        GoalReviewProcess.VAR_REVISION_NOTE, Map.of("type", "String", "value", "部门整体支出绩效目标")));

    assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(204);
    assertStoredWithAHundredIndicators(code, 1);
    ProcessInstance instance = instance(code);
    assertThat(instance).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(GoalReviewProcess.VAR_GOAL_DRAFT);
    // history keeps the submitted value, as bytes too
    HistoricVariableInstance kept = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(GoalReviewProcess.VAR_GOAL_DRAFT).includeDeleted()
        .disableCustomObjectDeserialization().singleResult();
    assertThat(kept.getTypedValue()).isInstanceOf(JsonValue.class);
    assertThat(((JsonValue) kept.getTypedValue()).getValueSerialized()).isEqualTo(HUNDRED);
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .isJavaSerializationFormatEnabled()).as("Spin brings JSON, not Java serialization").isFalse();
  }

  @Test
  void aHundredIndicatorRevisionGoesThroughEngineRestTheSameWay() {
    String code = fixture.listedProject("qijiang");
    fixture.submit(code, Goals.VALID);
    fixture.decide(code, "RETURN");
    String taskId = fixture.task(code).getId();

    ResponseEntity<String> submitted = http.withBasicAuth("qijiang-edu", "demo").exchange(
        "/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST, json(Map.of("variables", Map.of(
            GoalReviewProcess.VAR_GOAL_DRAFT, Map.of("type", "Json", "value", HUNDRED),
            GoalReviewProcess.VAR_REVISION_NOTE, Map.of("type", "String", "value", "按意见细化为部门整体指标")))),
        String.class);

    assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(204);
    assertStoredWithAHundredIndicators(code, 2);
    assertThat(instance(code)).isWaitingAt(GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR);
  }

  @Test
  void anAdjustmentToAHundredIndicatorsIsRequestedOverTheApi() throws Exception {
    String code = fixture.approved("qijiang");

    ResponseEntity<JsonNode> requested = http.withBasicAuth("qijiang-edu", "demo").exchange(
        "/api/goal-sets/" + code + "/adjustments", HttpMethod.POST,
        json(Map.of("reason", "并入部门整体支出绩效目标", "goals", json.readTree(HUNDRED))), JsonNode.class);

    assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(201);
    assertStoredWithAHundredIndicators(code, 2);
  }

  private void assertStoredWithAHundredIndicators(String code, int version) {
    ResponseEntity<JsonNode> read = http.withBasicAuth("qijiang-edu", "demo")
        .getForEntity("/api/goal-sets/" + code, JsonNode.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody().get("latestVersion").asInt()).isEqualTo(version);
    JsonNode indicators = read.getBody().get("versions").get(version - 1).get("indicators");
    assertThat(indicators).hasSize(100);
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode indicator : indicators) {
      total = total.add(indicator.get("weight").decimalValue());
    }
    assertThat(total).isEqualByComparingTo("100");
    assertThat(indicators.get(99).get("name").asText()).isEqualTo("服务对象受益人数第100项（部门整体支出绩效目标）");
  }

  private ProcessInstance instance(String code) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
