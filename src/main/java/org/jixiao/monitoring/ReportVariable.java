package org.jixiao.monitoring;

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
 * The variable {@code monitoringReport}: the report a form hands in, a JSON value (kept as bytes, so many
 * indicators with their reasons never meet the 4,000-character limit of a string variable).
 */
@Component
class ReportVariable {

  private final ObjectMapper json;

  ReportVariable(ObjectMapper json) {
    this.json = json;
  }

  ReportSubmission read(VariableScope scope) {
    TypedValue value = scope.getVariableTyped(MonitoringProcess.VAR_MONITORING_REPORT, false);
    String text;
    if (value == null || ValueType.NULL.equals(value.getType())) {
      return null;
    } else if (value instanceof JsonValue jsonValue && SpinValueType.JSON.equals(value.getType())) {
      text = jsonValue.getValueSerialized();
    } else if (value instanceof StringValue string) {
      text = string.getValue();
    } else {
      throw new InvalidInputException("监控情况须以 JSON 提交（变量 monitoringReport 的类型为 Json）");
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return json.readValue(text, ReportSubmission.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("监控情况的格式无法识别，请检查已支付金额和各项指标的完成值");
    }
  }
}
