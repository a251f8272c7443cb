package org.jixiao.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.district.District;
import org.jixiao.district.ModelLibrary;
import org.jixiao.goal.GoalReviewProcess;
import org.jixiao.identity.CallerLookup;
import org.jixiao.monitoring.KeyMonitoring;
import org.jixiao.monitoring.MonitoringProcess;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * The demo's execution monitoring: per district a project of this year (006, 社区学校课后服务) listed below every
 * threshold, its goals drafted and approved, and a round the finance bureau added as of today, so the unit finds
 * 填报运行监控情况 in Tasklist and the finance bureau a round in progress. This year's regular round (data to 07-31)
 * lay before monitoring began and is not held. Chongqing's approved goals first wait for its 抽审 draw (the finance
 * bureau's step in Tasklist), so its 006 is not monitored yet. Idempotent: an existing 006 is left as it is.
 */
@Configuration
@Profile("demo")
class DemoMonitoring {

  private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);
  private static final ZoneId CHINA = District.TIME_ZONE;

  private static final String GOALS = """
      {"overallGoal": "为全区义务教育学生提供课后托管和兴趣课程，减轻家庭负担",
       "indicators": [
         {"level2": "QUANTITY", "name": "开展课后服务学校数", "comparator": "GE", "targetValue": 20, "unit": "所", "weight": 30},
         {"level2": "QUALITY", "name": "课后服务覆盖率", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 30},
         {"level2": "SOCIAL", "name": "家长接送压力缓解", "comparator": "QUALITATIVE", "targetText": "明显缓解", "weight": 20},
         {"level2": "SERVICE_SATISFACTION", "name": "家长满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  @Bean
  @Order(45)
  ApplicationRunner createDemoMonitoring(ModelLibrary library, IdentityService identity, TaskService tasks,
      RuntimeService runtime, ProjectService projects, CallerLookup callers, KeyMonitoring keyMonitoring) {
    return args -> {
      int year = LocalDate.now(CHINA).getYear();
      for (District district : library.districts()) {
        String d = district.id();
        String code = d.toUpperCase() + "-" + year + "-006";
        if (projects.exists(code)) {
          continue;
        }
        projects.apply(new ApplyProjectRequest(code, "社区学校课后服务项目", d, d + "-education", ItemType.DEPARTMENT_PROJECT,
            BudgetStage.ANNUAL, new BigDecimal("420000.00"), false, FundSource.GENERAL_PUBLIC_BUDGET, 1, null, year,
            null), callers.of(d + "-edu"));
        String goalSet = code + "-" + year;
        for (int step = 0; step < 10 && !monitored(runtime, goalSet); step++) {
          Task task = tasks.createTaskQuery().processInstanceBusinessKey(goalSet)
              .processDefinitionKey(GoalReviewProcess.KEY).singleResult();
          if (task == null) {
            break; // e.g. waiting for Chongqing's 抽审 draw
          }
          String key = task.getTaskDefinitionKey();
          String user = switch (key) {
            case GoalReviewProcess.TASK_DRAFT_GOALS, GoalReviewProcess.TASK_REVISE_GOALS -> d + "-edu";
            case GoalReviewProcess.TASK_REVIEW_BY_SUPERVISOR -> d + "-supervisor";
            default -> d + "-perf";
          };
          DemoData.complete(identity, tasks, callers.of(user), goalSet, key, switch (key) {
            case GoalReviewProcess.TASK_DRAFT_GOALS, GoalReviewProcess.TASK_REVISE_GOALS ->
                Map.of(GoalReviewProcess.VAR_GOAL_DRAFT, GOALS, GoalReviewProcess.VAR_REVISION_NOTE, "已按意见修改");
            case GoalReviewProcess.TASK_GIVE_FINANCE_OPINIONS ->
                Map.of(GoalReviewProcess.VAR_REVIEW_COMMENT, "请补充服务时长类指标。");
            default -> Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, ReviewDecision.APPROVE.name(),
                GoalReviewProcess.VAR_REVIEW_COMMENT, "同意。");
          });
        }
        if (monitored(runtime, goalSet)) {
          try {
            keyMonitoring.openExtraRound(d, year, List.of(code), LocalDate.now(CHINA), callers.of(d + "-perf"));
          } catch (ApiException e) {
            // the demo goes on without the round; the reason is in the log
            log.warn("演示数据：{} 未能追加监控轮次：{}", code, e.getMessage());
          }
        }
      }
    };
  }

  private static boolean monitored(RuntimeService runtime, String monitoringCode) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MonitoringProcess.KEY)
        .processInstanceBusinessKey(monitoringCode).count() > 0;
  }
}
