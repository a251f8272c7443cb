package org.jixiao.stage;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reading of a process's variables, failing fast: a required variable that is missing or of the wrong
 * type stops the step with a message naming it (the engine turns that into an incident Cockpit shows), instead
 * of a cast failing somewhere later. The process data classes of each stage ({@code ExAnteData},
 * {@code GoalReviewData}, …) name their variables through it; code never casts a variable itself.
 */
public final class ProcessVariables {

  private final VariableScope scope;

  private ProcessVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ProcessVariables of(VariableScope scope) {
    return new ProcessVariables(scope);
  }

  public String string(String name) {
    return optionalString(name).orElseThrow(() -> missing(name, "文本"));
  }

  public Optional<String> optionalString(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw wrongType(name, "文本", value);
  }

  public int integer(String name) {
    return optionalInteger(name).orElseThrow(() -> missing(name, "整数"));
  }

  public Optional<Integer> optionalInteger(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Long l && l == l.intValue()) {
      return Optional.of(((Number) value).intValue());
    }
    throw wrongType(name, "整数", value);
  }

  public Optional<Long> optionalLong(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return Optional.of(((Number) value).longValue());
    }
    throw wrongType(name, "整数", value);
  }

  /** A list of texts (a JSON-serialized list variable, as a multi-instance collection is kept). */
  public java.util.List<String> strings(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw missing(name, "文本列表");
    }
    if (value instanceof java.util.Collection<?> items && items.stream().allMatch(String.class::isInstance)) {
      return items.stream().map(String.class::cast).toList();
    }
    throw wrongType(name, "文本列表", value);
  }

  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw value == null ? missing(name, "是/否") : wrongType(name, "是/否", value);
  }

  private static IllegalStateException missing(String name, String type) {
    return new IllegalStateException("流程变量 " + name + " 缺失（应为" + type + "）");
  }

  private static IllegalStateException wrongType(String name, String type, Object value) {
    return new IllegalStateException("流程变量 " + name + " 应为" + type + "，实为 " + value.getClass().getSimpleName());
  }
}
