package org.jixiao.goal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The variable {@code goalDraft} ({@link GoalReviewProcess#VAR_GOAL_DRAFT}): the goals a form or the API
 * hands in. It travels as a JSON value (type {@code Json}), which the engine keeps as bytes: a department's
 * 100 indicators do not fit the 4,000 characters of a string variable. A JSON string, as API callers and
 * older clients send it, is read the same way while it is short enough to be stored at all.
 */
@Component
class GoalDraftVariable {

  private final ObjectMapper json;

  GoalDraftVariable(ObjectMapper json) {
    this.json = json;
  }

  /** The goals in the scope's {@code goalDraft}; null when none were given (the service says what is missing). */
  GoalDraft read(VariableScope scope) {
    TypedValue value = scope.getVariableTyped(GoalReviewProcess.VAR_GOAL_DRAFT, false);
    String text = textOf(value);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return json.readValue(text, GoalDraft.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("绩效目标的格式无法识别，请检查各项指标的层级、比较方式、目标值和权重");
    }
  }

  private static String textOf(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonValue jsonValue && SpinValueType.JSON.equals(value.getType())) {
      return jsonValue.getValueSerialized();
    }
    if (value instanceof StringValue string) {
      return string.getValue();
    }
    if (ValueType.NULL.equals(value.getType())) {
      return null;
    }
    throw new InvalidInputException("绩效目标须以 JSON 提交（变量 goalDraft 的类型为 Json）");
  }
}
