package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The declared inputs of a task, read from its model, and the check of submitted values against them. */
class TaskInputsTest {

  static final String MODEL = """
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="Process_Test" isExecutable="true">
          <bpmn:startEvent id="StartEvent_Test"><bpmn:extensionElements><camunda:properties>
            <camunda:property name="input" value="budgetYear: integer 2000..2100" /></camunda:properties></bpmn:extensionElements></bpmn:startEvent>
          <bpmn:userTask id="Task_Review"><bpmn:extensionElements><camunda:properties>
            <camunda:property name="input" value="reviewDecision: enum APPROVE RETURN" />
            <camunda:property name="input" value="reviewComment: text" />
            <camunda:property name="input" value="score: integer 0..100" />
            <camunda:property name="input" value="amount: decimal" />
            <camunda:property name="input" value="panel: boolean" />
            <camunda:property name="input" value="seed: long" />
            <camunda:property name="input" value="draft: json" />
            <camunda:property name="other" value="ignored" /></camunda:properties></bpmn:extensionElements></bpmn:userTask>
          <bpmn:userTask id="Task_Silent" />
        </bpmn:process>
      </bpmn:definitions>""";

  final Map<String, Map<String, TaskInputs.Input>> declared =
      TaskInputs.read(Bpmn.readModelFromStream(new ByteArrayInputStream(MODEL.getBytes(StandardCharsets.UTF_8))));
  final Map<String, TaskInputs.Input> review = declared.get("Task_Review");

  @Test
  void eachTaskDeclaresItsInputsAndATaskWithoutDeclarationAcceptsNothing() {
    assertThat(review).containsOnlyKeys("reviewDecision", "reviewComment", "score", "amount", "panel", "seed", "draft");
    assertThat(declared).doesNotContainKey("Task_Silent");
    assertThat(TaskInputs.refusal(Map.of(), Map.of("anything", "x"), "静默环节")).hasValueSatisfying(message ->
        assertThat(message).isEqualTo("不能提交变量 anything：“静默环节”不接受任何变量"));
  }

  @Test
  void undeclaredNamesAreRefusedNamingTheVariableAndWhatTheStepAccepts() {
    assertThat(TaskInputs.refusal(review, Map.of("reviewDecision", "APPROVE", "financeReassessmentRequired", false),
        "主管部门审核")).hasValueSatisfying(message -> assertThat(message)
            .startsWith("不能提交变量 financeReassessmentRequired：“主管部门审核”只接受 ").contains("reviewDecision"));
    assertThat(TaskInputs.refusalOfNames(review, java.util.List.of("sampled"), "x")).isPresent();
    assertThat(TaskInputs.refusalOfNames(review, java.util.List.of("reviewComment"), "x")).isEmpty();
  }

  @Test
  void valuesMustHaveTheDeclaredTypePlainOrTyped() {
    Map<String, Object> good = new HashMap<>();
    good.put("reviewDecision", "RETURN");
    good.put("reviewComment", null);
    good.put("score", 100);
    good.put("amount", "1234.50");
    good.put("panel", true);
    good.put("seed", "9007199254740993");
    good.put("draft", "{\"indicators\": []}");
    assertThat(TaskInputs.refusal(review, good, "x")).isEmpty();
    assertThat(TaskInputs.refusal(review, Variables.createVariables()
        .putValueTyped("score", Variables.integerValue(0))
        .putValueTyped("seed", Variables.longValue(-5L))
        .putValueTyped("amount", Variables.doubleValue(3.5))
        .putValueTyped("reviewComment", Variables.stringValue(null)), "x")).isEmpty();

    for (Map.Entry<String, Object> bad : Map.<String, Object>of("reviewDecision", "REJECT", "score", 101,
        "amount", "十万", "panel", "true", "seed", "12a", "draft", "{not json", "reviewComment", 5).entrySet()) {
      assertThat(TaskInputs.refusal(review, Map.of(bad.getKey(), bad.getValue()), "x")).as(bad.toString())
          .hasValueSatisfying(message -> assertThat(message).startsWith("变量 " + bad.getKey() + " 的取值无效"));
    }
    assertThat(TaskInputs.refusal(declared.get(TaskInputs.START), Map.of("budgetYear", 1999), "发起流程")).isPresent();
  }

  @Test
  void textFitsTheEnginesStringColumnAndLongerJsonMustTravelAsAJsonValue() {
    String atLimit = "意".repeat(TaskInputs.MAX_TEXT);
    assertThat(TaskInputs.refusal(review, Map.of("reviewComment", atLimit), "x")).isEmpty();
    assertThat(TaskInputs.refusal(review, Map.of("reviewComment", atLimit + "见"), "x"))
        .hasValueSatisfying(message -> assertThat(message).contains("不超过 4000 字"));
    String longJson = "{\"note\": \"" + "x".repeat(TaskInputs.MAX_TEXT) + "\"}";
    assertThat(TaskInputs.refusal(review, Map.of("draft", longJson), "x"))
        .hasValueSatisfying(message -> assertThat(message).contains("以 Json 类型提交"));
  }
}
