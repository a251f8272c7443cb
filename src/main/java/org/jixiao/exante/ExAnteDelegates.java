package org.jixiao.exante;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.jixiao.identity.TaskActors;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectService;
import org.jixiao.project.RuleResults;
import org.jixiao.stage.ReviewDecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service and business rule tasks of the ex-ante process: one delegate each, named after the task. */
@Configuration
class ExAnteDelegates {

  /** 判定评估要求 (Task_EvaluateExAnteRules): the district's rule tables → routing flags and settings */
  @Bean
  JavaDelegate evaluateExAnteRulesDelegate(ExAnteAssessmentService assessments) {
    return execution -> execution.setVariables(assessments.evaluateRules(execution.getProcessBusinessKey()));
  }

  /**
   * 组建专家组 (Task_ComposeExpertPanel): finance's choice or draw → the checked, recorded panel, one seat per
   * expert; finance's inputs are removed, so the next round asks again.
   */
  @Bean
  JavaDelegate composeExpertPanelDelegate(ExpertPanels panels) {
    return execution -> {
      ExAnteData data = ExAnteData.of(execution);
      List<String> panel = panels.compose(execution.getProcessBusinessKey(), data.expertPanelRequest(),
          data.expertPanelSize(), TaskActors.user(execution, "system"));
      execution.setVariable(ExAnteProcess.VAR_EXPERT_PANEL, Variables.objectValue(new ArrayList<>(panel))
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      execution.removeVariable(ExAnteProcess.VAR_EXPERT_PANEL_MODE);
      execution.removeVariable(ExAnteProcess.VAR_EXPERT_PANEL_CHOICE);
      execution.removeVariable(ExAnteProcess.VAR_EXPERT_PANEL_SEED);
    };
  }

  /**
   * 统计专家意见 (Task_TallyExpertPanel): over the panel's seats (instances started before named seats counted
   * the district's panel size)
   */
  @Bean
  JavaDelegate tallyExpertPanelDelegate(ExAnteAssessmentService assessments) {
    return execution -> {
      ExAnteData data = ExAnteData.of(execution);
      int seats = execution.hasVariable(ExAnteProcess.VAR_EXPERT_PANEL) ? data.expertPanel().size()
          : data.expertPanelSize();
      execution.setVariable(ExAnteProcess.VAR_EXPERT_PANEL_PASSED,
          assessments.expertPanelPassed(execution.getProcessBusinessKey(), seats, data.expertPassPercent()));
    };
  }

  /** 登记入库 (Task_ListProject): the flags the gateways routed by must agree with the stored rule results */
  @Bean
  JavaDelegate listProjectDelegate(ExAnteAssessmentService assessments) {
    return execution -> {
      assessments.list(execution.getProcessBusinessKey(), ExAnteData.of(execution).routingFlags());
      execution.setVariable(ExAnteProcess.VAR_OUTCOME, ExAnteProcess.OUTCOME_LISTED);
    };
  }

  /** 不予入库 (Task_RejectProject) */
  @Bean
  JavaDelegate rejectProjectDelegate(ProjectService projects) {
    return execution -> {
      projects.reject(execution.getProcessBusinessKey());
      execution.setVariable(ExAnteProcess.VAR_OUTCOME, ExAnteProcess.OUTCOME_REJECTED);
    };
  }

  /** 登记撤回 (Task_WithdrawProject) */
  @Bean
  JavaDelegate withdrawProjectDelegate(ProjectService projects) {
    return execution -> {
      projects.recordOpinion(execution.getProcessBusinessKey(), new ProjectService.OpinionGiven(
          ExAnteProcess.TASK_WITHDRAW_PROJECT, "撤回申报", ExAnteData.of(execution).withdrawnBy(),
          Role.BUDGET_UNIT.groupId(), ReviewDecision.WITHDRAW, null));
      execution.setVariable(ExAnteProcess.VAR_OUTCOME, ExAnteProcess.OUTCOME_WITHDRAWN);
    };
  }
}
