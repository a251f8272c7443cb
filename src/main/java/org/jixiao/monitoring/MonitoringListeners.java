package org.jixiao.monitoring;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jixiao.identity.TaskActors;
import org.jixiao.stage.FormValues;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task listeners of execution monitoring. On complete they store what the form gave and remove those variables,
 * so the next round starts empty; a refusal leaves the task open with a Chinese message and stores nothing. The
 * red-light decision's listener writes the routing flag {@code redLightAction} from the validated decision.
 */
@Configuration
class MonitoringListeners {

  /** 填报运行监控情况 */
  @Bean
  TaskListener submitMonitoringReportListener(MonitoringRounds rounds, ReportVariable report) {
    return task -> {
      rounds.submit(reportId(task), report.read(task), opinion(task, ReviewDecision.SUBMIT_REPORT, null));
      task.getExecution().removeVariable(MonitoringProcess.VAR_MONITORING_REPORT);
    };
  }

  /** 财政审核监控报告: pass or return; a return needs the reasons */
  @Bean
  TaskListener reviewMonitoringReportListener(MonitoringRounds rounds) {
    return task -> {
      ReviewDecision decision = FormValues.decision(task.getVariable(MonitoringProcess.VAR_REVIEW_DECISION));
      if (decision != ReviewDecision.APPROVE && decision != ReviewDecision.RETURN) {
        throw new InvalidInputException("请选择审核结论：通过或退回修改");
      }
      String comment = MonitoringRounds.text(FormValues.text(task.getVariable(MonitoringProcess.VAR_REVIEW_COMMENT)),
          "审核意见", 2000);
      if (decision == ReviewDecision.RETURN && comment == null) {
        throw new InvalidInputException("退回修改时，请写明意见，供单位修改");
      }
      rounds.review(reportId(task), opinion(task, decision, comment));
      task.getExecution().removeVariable(MonitoringProcess.VAR_REVIEW_COMMENT);
    };
  }

  /** 报送纠偏计划 */
  @Bean
  TaskListener submitCorrectionPlanListener(MonitoringRounds rounds) {
    return task -> {
      String plan = MonitoringRounds.text(FormValues.text(task.getVariable(MonitoringProcess.VAR_CORRECTION_PLAN)),
          "纠偏计划", 2000);
      rounds.submitPlan(reportId(task), plan, FormValues.text(task.getVariable(MonitoringProcess.VAR_CORRECTION_DUE_DATE)),
          opinion(task, ReviewDecision.SUBMIT_PLAN, plan));
      task.getExecution().removeVariable(MonitoringProcess.VAR_CORRECTION_PLAN);
      task.getExecution().removeVariable(MonitoringProcess.VAR_CORRECTION_DUE_DATE);
    };
  }

  /** 红灯处置: the action, checked; {@code redLightAction} for the gateway */
  @Bean
  TaskListener decideOnRedLightListener(MonitoringRounds rounds) {
    return task -> {
      ActionKind kind = kind(task.getVariable(MonitoringProcess.VAR_RED_LIGHT_DECISION));
      String comment = MonitoringRounds.text(FormValues.text(task.getVariable(MonitoringProcess.VAR_DECISION_COMMENT)),
          "处置意见", 2000);
      task.getExecution().setVariables(rounds.decide(reportId(task), kind,
          amount(task.getVariable(MonitoringProcess.VAR_RECLAIM_AMOUNT)),
          opinion(task, ReviewDecision.DECIDE_RED_LIGHT, comment)));
      task.getExecution().removeVariable(MonitoringProcess.VAR_RED_LIGHT_DECISION);
      task.getExecution().removeVariable(MonitoringProcess.VAR_RECLAIM_AMOUNT);
      task.getExecution().removeVariable(MonitoringProcess.VAR_DECISION_COMMENT);
    };
  }

  /** 督办超期事项 */
  @Bean
  TaskListener recordMonitoringSupervisionListener(MonitoringRounds rounds) {
    return task -> {
      MonitoringData data = MonitoringData.of(task);
      rounds.note(data.projectCode(), data.budgetYear(),
          task.getVariable(MonitoringProcess.VAR_ROUND_NO) instanceof Integer n ? n : null,
          opinion(task, ReviewDecision.SUPERVISE, MonitoringRounds.text(
              FormValues.text(task.getVariable(MonitoringProcess.VAR_SUPERVISION_NOTE)), "督办情况", 2000)));
      task.getExecution().removeVariable(MonitoringProcess.VAR_SUPERVISION_NOTE);
    };
  }

  private static ActionKind kind(Object value) {
    try {
      return value == null ? null : ActionKind.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("收回金额应为数字（元）");
    }
  }

  private static long reportId(DelegateTask task) {
    return MonitoringData.of(task).reportId();
  }

  private static MonitoringOpinion opinion(DelegateTask task, ReviewDecision decision, String comment) {
    return new MonitoringOpinion(task.getTaskDefinitionKey(), task.getName(), TaskActors.user(task),
        TaskActors.role(task), decision, comment, null);
  }
}
