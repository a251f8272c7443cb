package org.jixiao.monitoring;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.jixiao.stage.ProcessVariables;

/** The data of execution monitoring, typed: what its delegates read. Names are in {@link MonitoringProcess}. */
public final class MonitoringData {

  private final ProcessVariables variables;

  private MonitoringData(VariableScope scope) {
    this.variables = ProcessVariables.of(scope);
  }

  public static MonitoringData of(VariableScope scope) {
    return new MonitoringData(scope);
  }

  public String projectCode() {
    return variables.string(MonitoringProcess.VAR_PROJECT_CODE);
  }

  public int budgetYear() {
    return variables.integer(MonitoringProcess.VAR_BUDGET_YEAR);
  }

  public long reportId() {
    return variables.optionalLong(MonitoringProcess.VAR_REPORT_ID)
        .orElseThrow(() -> new IllegalStateException("流程变量 reportId 缺失（应为整数）"));
  }
}
