package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;

/**
 * Projects driven to execution monitoring through the lifecycle (listed at once below every threshold, goals
 * drafted and approved), and the reports a unit hands in. Budget 1,000,000.00 元; the goals' four indicators:
 * 完成项目数 ≥ 10 (weight 40), 按期完成率 ≥ 95 (20), 服务能力提升 (定性, 20), 满意度 ≥ 90 (20).
 */
public final class MonitoredProjects {

  static final BigDecimal BUDGET = new BigDecimal("1000000.00");

  static final String GOALS = """
      {"overallGoal": "完成年度建设任务，提升公共服务能力",
       "indicators": [
         {"level1": "OUTPUT", "level2": "QUANTITY", "name": "完成项目数", "comparator": "GE", "targetValue": 10, "unit": "个", "weight": 40},
         {"level1": "OUTPUT", "level2": "TIMELINESS", "name": "按期完成率", "comparator": "GE", "targetValue": 95, "unit": "%", "weight": 20},
         {"level1": "EFFECT", "level2": "SOCIAL", "name": "服务能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 20},
         {"level1": "SATISFACTION", "level2": "SERVICE_SATISFACTION", "name": "服务对象满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  private final ProcessEngine engine;
  private final ProjectService projects;
  private final CallerLookup callers;

  public MonitoredProjects(ProcessEngine engine, ProjectService projects, CallerLookup callers) {
    this.engine = engine;
    this.projects = projects;
    this.callers = callers;
  }

  /** A project of the district's education department whose goals are approved: its monitoring instance. */
  public ProcessInstance monitored(String district, int budgetYear) {
    String code = "MON-" + district + "-" + System.nanoTime();
    projects.apply(new ApplyProjectRequest(code, "运行监控测试项目", district, district + "-education",
        ItemType.DEPARTMENT_PROJECT, BudgetStage.ANNUAL, BUDGET, false, FundSource.GENERAL_PUBLIC_BUDGET, 1, null,
        budgetYear, null), callers.of(district + "-edu"));
    String goalSet = code + "-" + budgetYear;
    for (int step = 0; step < 10; step++) {
      ProcessInstance monitoring = instance(code + "-" + budgetYear);
      if (monitoring != null) {
        return monitoring;
      }
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(goalSet)
          .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
      engine.getTaskService().complete(task.getId(), switch (task.getTaskDefinitionKey()) {
        case GoalReviewProcess.TASK_DRAFT_GOALS, GoalReviewProcess.TASK_REVISE_GOALS ->
            Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, GOALS, GoalReviewProcess.VAR_REVISION_NOTE, "已修改");
        case GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS -> Map.of(GoalReviewProcess.VAR_REVIEW_COMMENT, "请完善");
        default -> Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, "APPROVE");
      });
    }
    throw new IllegalStateException("monitoring did not start for " + code);
  }

  ProcessInstance instance(String monitoringCode) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MonitoringProcess.KEY)
        .processInstanceBusinessKey(monitoringCode).singleResult();
  }

  /** A report: paid (元, null for none given), the three numeric indicators' values, reasons and measures. */
  static JsonValue report(String paid, Object projects, Object onTime, Object satisfaction, String reason) {
    String reasonJson = reason == null ? "null" : "\"" + reason + "\"";
    return SpinValues.jsonValue("""
        {"paidToDate": %s, "deviationReasons": %s, "correctiveMeasures": %s, "indicators": [
          {"position": 0, "valueToDate": %s, "deviationReason": %s}, {"position": 1, "valueToDate": %s, "deviationReason": %s},
          {"position": 2, "valueText": "按计划推进"}, {"position": 3, "valueToDate": %s, "deviationReason": %s}]}"""
        .formatted(paid, reasonJson, reasonJson, projects, reasonJson, onTime, reasonJson, satisfaction, reasonJson))
        .create();
  }

  /** On target, with the given paid figure. */
  static JsonValue report(String paid) {
    return report(paid, 10, 95, 90, "进度偏慢，已督促");
  }

  static JsonValue withPlanCheck(String paid, boolean fulfilled) {
    return SpinValues.jsonValue("""
        {"paidToDate": %s, "planFulfilled": %s, "planCheckComment": "按计划完成", "indicators": [
          {"position": 0, "valueToDate": 10}, {"position": 1, "valueToDate": 95},
          {"position": 2, "valueText": "按计划推进"}, {"position": 3, "valueToDate": 90}]}""".formatted(paid, fulfilled))
        .create();
  }
}
