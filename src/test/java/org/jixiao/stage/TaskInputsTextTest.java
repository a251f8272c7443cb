package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** A task's text inputs, and the strings and names inside its JSON inputs, pass {@link TextSafety}. */
class TaskInputsTextTest {

  static final Map<String, TaskInputs.Input> DECLARED = Map.of(
      "reviewComment", TaskInputs.Input.parse("reviewComment: text", "Task_Review"),
      "goalDraft", TaskInputs.Input.parse("goalDraft: json", "Task_SubmitGoals"),
      "reviewDecision", TaskInputs.Input.parse("reviewDecision: enum APPROVE RETURN", "Task_Review"));

  @Test
  void aTextInputWithAControlCharacterIsRefusedNamingTheVariable() {
    assertThat(TaskInputs.refusal(DECLARED, Map.of("reviewComment", "同意\u0000"), "审核"))
        .hasValue("变量 reviewComment 含有控制字符 U+0000，请删除后重新提交");
    assertThat(TaskInputs.refusal(DECLARED, Map.of("reviewComment", "同意\t（见附件）\n"), "审核")).isEmpty();
  }

  @Test
  void aStringInsideAJsonInputIsRefusedWithItsPointer() {
    String draft = "{\"overallGoal\": \"改善就餐条件\", \"indicators\": [{\"name\": \"食堂数量\"}, {\"name\": \"\\u202E满意度\"}]}";
    assertThat(TaskInputs.refusal(DECLARED, Variables.createVariables()
        .putValueTyped("goalDraft", SpinValues.jsonValue(draft).create()), "提交绩效目标"))
        .hasValue("变量 goalDraft 的 /indicators/1/name 含有改变文字显示方向的控制字符 U+202E，请删除后重新提交");
    assertThat(TaskInputs.refusal(DECLARED, Map.of("goalDraft", "{\"overallGoal\": \"\\uD800\"}"), "提交绩效目标"))
        .hasValue("变量 goalDraft 的 /overallGoal 含有不完整的字符（单独的代理项 U+D800），请删除后重新提交");
    assertThat(TaskInputs.refusal(DECLARED, Map.of("goalDraft", "{\"\\u200B\": 1}"), "提交绩效目标"))
        .as("a field name too").hasValueSatisfying(m -> m.contains("只含有不可见的字符"));
    assertThat(TaskInputs.refusal(DECLARED, Map.of("goalDraft", "{\"overallGoal\": \"改善就餐条件\"}"), "提交绩效目标"))
        .isEmpty();
  }

  @Test
  void enumsAreExactAndNeedNoTextCheck() {
    assertThat(TaskInputs.refusal(DECLARED, Map.of("reviewDecision", "APPROVE\u202E"), "审核"))
        .hasValueSatisfying(m -> m.startsWith("变量 reviewDecision 的取值无效"));
  }
}
