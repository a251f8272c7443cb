package org.jixiao.exante;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.identity.Caller;
import org.jixiao.project.Project;
import org.jixiao.project.RuleResults;
import org.jixiao.project.ProjectService;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.StageOpinion;
import org.jixiao.stage.SubjectType;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the ex-ante assessment that are more than an opinion: the district's rule tables, approved
 * amounts, the expert panel's tally and withdrawal.
 */
@Service
public class ExAnteAssessmentService {

  private final ProjectService projects;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Opinions opinions;

  ExAnteAssessmentService(ProjectService projects, DecisionService decisionService,
      RuntimeService runtimeService, TaskService taskService, Opinions opinions) {
    this.projects = projects;
    this.opinions = opinions;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  /**
   * Evaluates the district's Decision_ExAnteRules and Decision_ExAnteSettings for the project, stores the
   * rule results with it, and returns them as the process variables the gateways and the deadlines read.
   */
  @Transactional
  public Map<String, Object> evaluateRules(String code) {
    Project project = load(code);
    Map<String, Object> inputs = Map.of(
        "itemType", project.getItemType().name(),
        "budgetStage", project.getBudgetStage().name(),
        // in 分, exact: the table divides by 100 in FEEL's decimal arithmetic
        "requestedAmountFen", project.getAmount().movePointRight(2).longValueExact(),
        "newSpending", project.isNewSpending());
    DmnDecisionRuleResult rules = decisionService.evaluateDecisionTableByKey(ExAnteProcess.DECISION_RULES)
        .decisionDefinitionTenantId(project.getDistrict()).variables(inputs).evaluate().getSingleResult();
    DmnDecisionRuleResult settings = decisionService.evaluateDecisionTableByKey(ExAnteProcess.DECISION_SETTINGS)
        .decisionDefinitionTenantId(project.getDistrict()).variables(inputs).evaluate().getSingleResult();
    if (rules == null || settings == null) {
      throw new IllegalStateException("辖区 " + project.getDistrict() + " 的事前绩效评估规则表没有给出结果：" + code);
    }
    RuleResults results = new RuleResults(flag(rules, ExAnteProcess.VAR_EX_ANTE_REQUIRED),
        flag(rules, ExAnteProcess.VAR_SELF_ASSESSMENT_REQUIRED),
        flag(rules, ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED),
        flag(rules, ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED),
        flag(rules, ExAnteProcess.VAR_BUDGET_REVIEW_REQUIRED),
        (String) rules.get("ruleBasis"));
    projects.applyRules(code, results);

    Map<String, Object> variables = new HashMap<>();
    variables.put(ExAnteProcess.VAR_EX_ANTE_REQUIRED, results.exAnteRequired());
    variables.put(ExAnteProcess.VAR_SELF_ASSESSMENT_REQUIRED, results.selfAssessmentRequired());
    variables.put(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, results.financeReassessmentRequired());
    variables.put(ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED, results.jointReviewRequired());
    variables.put(ExAnteProcess.VAR_BUDGET_REVIEW_REQUIRED, results.budgetReviewRequired());
    variables.put(ExAnteProcess.VAR_EXPERT_PANEL_SIZE, ((Number) settings.get(ExAnteProcess.VAR_EXPERT_PANEL_SIZE)).intValue());
    variables.put(ExAnteProcess.VAR_EXPERT_PASS_PERCENT, ((Number) settings.get(ExAnteProcess.VAR_EXPERT_PASS_PERCENT)).intValue());
    variables.put(ExAnteProcess.VAR_TASK_DUE_DURATION, settings.get(ExAnteProcess.VAR_TASK_DUE_DURATION));
    variables.put(ExAnteProcess.VAR_REMINDER_DURATION, settings.get(ExAnteProcess.VAR_REMINDER_DURATION));
    variables.put(ExAnteProcess.VAR_EXPERT_PANEL_REQUESTED, false);
    return variables;
  }

  /**
   * 登记入库, after checking that the flags the gateways routed by agree with the rule results stored with
   * the project when the district's tables were evaluated. A disagreement means a flag was changed outside
   * the engine's own steps: the listing fails (an exception, so the completion that led here is rolled back,
   * or the job becomes an incident) and nothing is listed.
   */
  @Transactional
  public void list(String code, RuleResults routedBy) {
    RuleResults stored = load(code).getRuleResults();
    List<String> disagreeing = new java.util.ArrayList<>();
    if (stored == null) {
      throw new IllegalStateException("项目 " + code + " 没有规则结果，不能入库");
    }
    compare(disagreeing, ExAnteProcess.VAR_EX_ANTE_REQUIRED, stored.exAnteRequired(), routedBy.exAnteRequired());
    compare(disagreeing, ExAnteProcess.VAR_SELF_ASSESSMENT_REQUIRED, stored.selfAssessmentRequired(),
        routedBy.selfAssessmentRequired());
    compare(disagreeing, ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED, stored.financeReassessmentRequired(),
        routedBy.financeReassessmentRequired());
    compare(disagreeing, ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED, stored.jointReviewRequired(),
        routedBy.jointReviewRequired());
    compare(disagreeing, ExAnteProcess.VAR_BUDGET_REVIEW_REQUIRED, stored.budgetReviewRequired(),
        routedBy.budgetReviewRequired());
    if (!disagreeing.isEmpty()) {
      throw new IllegalStateException("项目 " + code + " 的流程路由标志与规则结果不一致，不能入库："
          + String.join("；", disagreeing));
    }
    projects.list(code);
  }

  private static void compare(List<String> disagreeing, String name, Boolean stored, Boolean routed) {
    if (Boolean.TRUE.equals(stored) != Boolean.TRUE.equals(routed)) {
      disagreeing.add(name + " 规则结果为 " + Boolean.TRUE.equals(stored) + "，流程变量为 " + routed);
    }
  }

  /** 审定金额 where budget review is merged: at most the requested amount, in 元 with two decimals. */
  @Transactional
  public void approveAmount(String code, BigDecimal approved) {
    Project project = load(code);
    if (approved.signum() < 0 || approved.scale() > 2 || approved.compareTo(project.getAmount()) > 0) {
      throw new InvalidInputException("审定金额应在 0 到申报金额 " + project.getAmount().toPlainString()
          + " 元之间，最多两位小数");
    }
    projects.approveAmount(code, approved);
  }

  /**
   * Whether the expert panel of the current round passed: the share of experts who approved, among the
   * panel's opinions given since finance last re-assessed, is at least the district's pass percentage.
   */
  @Transactional(readOnly = true)
  public boolean expertPanelPassed(String code, int panelSize, int passPercent) {
    List<StageOpinion> opinions = this.opinions.ofSubject(SubjectType.PROJECT, code);
    int roundStart = 0;
    for (int i = 0; i < opinions.size(); i++) {
      if (ExAnteProcess.TASK_REASSESS.equals(opinions.get(i).getStep())) {
        roundStart = i + 1;
      }
    }
    long approvals = opinions.subList(roundStart, opinions.size()).stream()
        .filter(o -> ExAnteProcess.TASK_EXPERT_REVIEW.equals(o.getStep()))
        .filter(o -> o.getDecision() == ReviewDecision.AGREE)
        .count();
    return approvals * 100 >= (long) passPercent * panelSize;
  }

  /**
   * The applicant withdraws (撤回): its own department, while no reviewer has claimed or decided the
   * application in this round. Correlates the withdrawal message; the process records it.
   */
  @Transactional
  public void withdraw(String code, Caller caller) {
    Project project = load(code);
    if (!caller.mayRead(project.getDistrict(), project.getDepartment())) {
      // another department's or district's project reads as one that does not exist
      throw ApiException.notFound("项目不存在：" + code);
    }
    if (!caller.isAdministrator() && !caller.belongsTo(project.getDepartment())) {
      throw ApiException.forbidden("只有申报单位可以撤回本项目：" + code);
    }
    // the assessment's own instance (the lifecycle calls it with the project code as business key)
    ProcessInstance assessment = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExAnteProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
    List<Task> open = assessment == null ? List.of()
        : taskService.createTaskQuery().processInstanceId(assessment.getId()).list();
    boolean beforeFirstReviewer = !open.isEmpty() && open.stream().allMatch(t ->
        ExAnteProcess.TASK_SELF_ASSESS.equals(t.getTaskDefinitionKey())
            || ExAnteProcess.TASK_REVISE_APPLICATION.equals(t.getTaskDefinitionKey())
            || ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR.equals(t.getTaskDefinitionKey()) && t.getAssignee() == null);
    if (!beforeFirstReviewer) {
      throw ApiException.conflict("审核人已开始办理（或项目已办结），不能撤回：" + code);
    }
    // hold the reviewer's unclaimed task for the withdrawal in this transaction: a claim that came first
    // makes this claim fail (409), a claim that comes later fails on the task this transaction deleted, so
    // exactly one of the two wins
    for (Task task : open) {
      if (ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR.equals(task.getTaskDefinitionKey())) {
        taskService.claim(task.getId(), caller.userId());
      }
    }
    runtimeService.createMessageCorrelation(ExAnteProcess.MESSAGE_WITHDRAW)
        .processInstanceId(assessment.getId())
        .setVariable(ExAnteProcess.VAR_WITHDRAWN_BY, caller.userId())
        .correlate();
  }

  /** Whether this expert already gave an opinion in the current panel (since finance last re-assessed). */
  @Transactional(readOnly = true)
  public boolean hasGivenExpertOpinionThisRound(String code, String expert) {
    List<StageOpinion> opinions = this.opinions.ofSubject(SubjectType.PROJECT, code);
    for (int i = opinions.size() - 1; i >= 0; i--) {
      StageOpinion o = opinions.get(i);
      if (ExAnteProcess.TASK_REASSESS.equals(o.getStep())) {
        return false;
      }
      if (ExAnteProcess.TASK_EXPERT_REVIEW.equals(o.getStep()) && expert.equals(o.getActor())) {
        return true;
      }
    }
    return false;
  }

  private Project load(String code) {
    return projects.project(code);
  }

  private static Boolean flag(DmnDecisionRuleResult entries, String name) {
    Object value = entries.get(name);
    return Boolean.TRUE.equals(value);
  }
}
