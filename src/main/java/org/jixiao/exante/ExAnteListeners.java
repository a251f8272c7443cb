package org.jixiao.exante;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jixiao.identity.Role;
import org.jixiao.identity.TaskActors;
import org.jixiao.project.ProjectService;
import org.jixiao.stage.DimensionScores;
import org.jixiao.stage.FormValues;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.system.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task listeners of the ex-ante process. On complete they write the task's opinion into the project's
 * history (and remove the opinion's variables, so the next round starts empty). Due dates, reminders and
 * escalation are the stage kit's ({@code org.jixiao.stage.DeadlineWatch}). A refused completion leaves the
 * task open with a Chinese message.
 */
@Configuration
class ExAnteListeners {

  private static final Set<ReviewDecision> REVIEW_DECISIONS =
      EnumSet.of(ReviewDecision.APPROVE, ReviewDecision.RETURN, ReviewDecision.REJECT, ReviewDecision.BACK);

  /** 主管部门审核, 联合会审 */
  @Bean
  TaskListener recordReviewOpinionListener(ProjectService projects) {
    return task -> record(projects, task, reviewDecision(task), null, null);
  }

  /** 开展部门自评估: the five dimensions and a conclusion */
  @Bean
  TaskListener recordSelfAssessmentListener(ProjectService projects) {
    return task -> record(projects, task, ReviewDecision.SUBMIT, requiredScores(task), conclusion(task));
  }

  /** 财政再评估: a decision, optional scores, the approved amount where budget review is merged */
  @Bean
  TaskListener recordReassessmentListener(ProjectService projects, ExAnteAssessmentService assessments) {
    return task -> {
      ReviewDecision decision = reviewDecision(task);
      boolean budgetReview = ExAnteData.of(task).budgetReviewRequired();
      if (budgetReview && decision == ReviewDecision.APPROVE) {
        assessments.approveAmount(task.getExecution().getProcessBusinessKey(), approvedAmount(task));
      }
      if (task.getVariable(ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED) == null) {
        task.getExecution().setVariable(ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, false);
      }
      if (!Boolean.TRUE.equals(task.getVariable(ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED))) {
        // no panel: how one would have been composed does not stay behind for a later round
        task.getExecution().removeVariable(ExAnteProcess.VAR_EXPERT_PANEL_MODE);
        task.getExecution().removeVariable(ExAnteProcess.VAR_EXPERT_PANEL_CHOICE);
        task.getExecution().removeVariable(ExAnteProcess.VAR_EXPERT_PANEL_SEED);
      }
      record(projects, task, decision, optionalScores(task), conclusion(task));
    };
  }

  /** 专家论证: one expert's AGREE or DISAGREE */
  @Bean
  TaskListener recordExpertOpinionListener(ProjectService projects, ExAnteAssessmentService assessments) {
    return task -> {
      ReviewDecision decision = FormValues.decision(task.getVariable(ExAnteProcess.VAR_EXPERT_DECISION));
      if (decision != ReviewDecision.AGREE && decision != ReviewDecision.DISAGREE) {
        throw new InvalidInputException("请选择论证意见：同意或不同意");
      }
      String expert = actingUser(task);
      if (assessments.hasGivenExpertOpinionThisRound(task.getExecution().getProcessBusinessKey(), expert)) {
        throw new InvalidInputException("您已在本轮专家论证中发表过意见，每位专家只能论证一次");
      }
      Object comment = task.getVariable(ExAnteProcess.VAR_EXPERT_COMMENT);
      // a seat is assigned to its expert and has no candidate group: the role is the expert's
      projects.recordOpinion(task.getExecution().getProcessBusinessKey(), new ProjectService.OpinionGiven(
          task.getTaskDefinitionKey(), task.getName(), expert, Role.EXPERT.groupId(), decision,
          FormValues.text(comment)));
    };
  }

  /**
   * 专家论证, on assignment: a seat goes only to an expert who may sit on the panel (the district's pool, active,
   * not of the applying department) and holds no other seat of it nor has voted in this round. An administrator may
   * hand an absent expert's seat to another; nobody gets a second seat.
   */
  @Bean
  TaskListener guardExpertSeatListener(ExpertPanels panels, ExAnteAssessmentService assessments) {
    return task -> {
      String expert = task.getAssignee();
      if (expert == null) {
        return; // handed back: finance assigns it again
      }
      String code = task.getExecution().getProcessBusinessKey();
      boolean anotherSeat = task.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW)
          .taskAssignee(expert).list().stream().anyMatch(t -> !t.getId().equals(task.getId()));
      if (anotherSeat || assessments.hasGivenExpertOpinionThisRound(code, expert)) {
        throw new InvalidInputException("专家 " + expert + " 已在本专家组中占有席位，每位专家只占一个席位");
      }
      // the expert 组建专家组 seated here was checked when the panel was composed; anyone else is checked now
      if (!expert.equals(task.getVariable(ExAnteProcess.VAR_PANEL_EXPERT))) {
        panels.requireSeatable(code, expert);
      }
    };
  }

  /** 修改申报材料 */
  @Bean
  TaskListener recordResubmissionListener(ProjectService projects) {
    return task -> recordNote(projects, task, ReviewDecision.RESUBMIT, ExAnteProcess.VAR_REVISION_NOTE);
  }

  /** 督办超期事项 */
  @Bean
  TaskListener recordSupervisionListener(ProjectService projects) {
    return task -> recordNote(projects, task, ReviewDecision.SUPERVISE, ExAnteProcess.VAR_SUPERVISION_NOTE);
  }

  /** On create of a decision task: the previous step's decision must not preselect this one's. */
  @Bean
  TaskListener clearReviewDecisionListener() {
    return task -> task.getExecution().removeVariable(ExAnteProcess.VAR_REVIEW_DECISION);
  }

  private static void record(ProjectService projects, DelegateTask task, ReviewDecision decision,
      DimensionScores scores, String conclusion) {
    projects.recordOpinion(task.getExecution().getProcessBusinessKey(), new ProjectService.OpinionGiven(
        task.getTaskDefinitionKey(), task.getName(), actingUser(task), actingRole(task), decision,
        FormValues.text(task.getVariable(ExAnteProcess.VAR_REVIEW_COMMENT)), scores, conclusion));
    task.getExecution().removeVariable(ExAnteProcess.VAR_REVIEW_COMMENT);
    task.getExecution().removeVariable(ExAnteProcess.VAR_ASSESSMENT_CONCLUSION);
    for (String score : DimensionScores.VARIABLES) {
      task.getExecution().removeVariable(score);
    }
  }

  /** An opinion that is a decision fixed by the step plus the note the form submitted under {@code noteVariable}. */
  private static void recordNote(ProjectService projects, DelegateTask task, ReviewDecision decision,
      String noteVariable) {
    projects.recordOpinion(task.getExecution().getProcessBusinessKey(), new ProjectService.OpinionGiven(
        task.getTaskDefinitionKey(), task.getName(), actingUser(task), actingRole(task), decision,
        FormValues.text(task.getVariable(noteVariable))));
    task.getExecution().removeVariable(noteVariable);
  }

  private static ReviewDecision reviewDecision(DelegateTask task) {
    ReviewDecision decision = FormValues.decision(task.getVariable(ExAnteProcess.VAR_REVIEW_DECISION));
    if (!REVIEW_DECISIONS.contains(decision)) {
      throw new InvalidInputException("请选择审核结论：通过、退回修改、退回上一步或不予通过");
    }
    return decision;
  }

  private static DimensionScores requiredScores(DelegateTask task) {
    DimensionScores scores = optionalScores(task);
    if (scores == null) {
      throw new InvalidInputException("请为立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性五个维度逐项打分");
    }
    return scores;
  }

  /** The five scores if all are given, none if none is; 0–100 each. */
  private static DimensionScores optionalScores(DelegateTask task) {
    Integer[] values = new Integer[DimensionScores.VARIABLES.length];
    int given = 0;
    for (int i = 0; i < values.length; i++) {
      Object value = task.getVariable(DimensionScores.VARIABLES[i]);
      if (value != null && !value.toString().isBlank()) {
        values[i] = score(value);
        given++;
      }
    }
    if (given == 0) {
      return null;
    }
    if (given < values.length) {
      throw new InvalidInputException("五个维度须全部打分");
    }
    return new DimensionScores(values[0], values[1], values[2], values[3], values[4]);
  }

  private static int score(Object value) {
    try {
      int score = new BigDecimal(value.toString().strip()).intValueExact();
      if (score < 0 || score > 100) {
        throw new ArithmeticException();
      }
      return score;
    } catch (ArithmeticException | NumberFormatException e) {
      throw new InvalidInputException("分数应为 0 到 100 之间的整数：" + value);
    }
  }

  private static BigDecimal approvedAmount(DelegateTask task) {
    Object value = task.getVariable(ExAnteProcess.VAR_APPROVED_AMOUNT);
    try {
      return new BigDecimal(value.toString().strip().replace(",", ""));
    } catch (NullPointerException | NumberFormatException e) {
      throw new InvalidInputException("本辖区财政再评估融合预算评审，请填写审定金额（元）");
    }
  }

  private static String conclusion(DelegateTask task) {
    return FormValues.text(task.getVariable(ExAnteProcess.VAR_ASSESSMENT_CONCLUSION));
  }


  private static String actingUser(DelegateTask task) {
    return TaskActors.user(task);
  }

  private static String actingRole(DelegateTask task) {
    return TaskActors.role(task);
  }
}
