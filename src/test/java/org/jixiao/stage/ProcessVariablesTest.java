package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mockito.Mockito;
import org.junit.jupiter.api.Test;

class ProcessVariablesTest {

  private final ProcessVariables variables = ProcessVariables.of(scope(Map.of(
      "code", "QJ-2026-001", "rounds", 2, "big", 7L, "huge", 5_000_000_000L, "flag", true, "text", "true")));

  private static VariableScope scope(Map<String, Object> values) {
    VariableScope scope = Mockito.mock(VariableScope.class);
    Mockito.when(scope.getVariable(Mockito.anyString())).thenAnswer(call -> values.get(call.<String>getArgument(0)));
    return scope;
  }

  @Test
  void readsEachTypeItHolds() {
    assertThat(variables.string("code")).isEqualTo("QJ-2026-001");
    assertThat(variables.integer("rounds")).isEqualTo(2);
    assertThat(variables.integer("big")).isEqualTo(7);
    assertThat(variables.optionalLong("huge")).contains(5_000_000_000L);
    assertThat(variables.flag("flag")).isTrue();
    assertThat(variables.optionalString("absent")).isEmpty();
    assertThat(variables.optionalInteger("absent")).isEmpty();
  }

  @Test
  void aMissingRequiredVariableStopsTheStepNamingIt() {
    assertThatThrownBy(() -> variables.string("absent")).hasMessage("流程变量 absent 缺失（应为文本）");
    assertThatThrownBy(() -> variables.flag("absent")).hasMessage("流程变量 absent 缺失（应为是/否）");
  }

  @Test
  void aValueOfTheWrongTypeIsNotCastButRefused() {
    assertThatThrownBy(() -> variables.flag("text")).hasMessage("流程变量 text 应为是/否，实为 String");
    assertThatThrownBy(() -> variables.integer("code")).hasMessage("流程变量 code 应为整数，实为 String");
    assertThatThrownBy(() -> variables.integer("huge")).hasMessageContaining("应为整数");
    assertThatThrownBy(() -> variables.string("rounds")).hasMessage("流程变量 rounds 应为文本，实为 Integer");
  }
}
