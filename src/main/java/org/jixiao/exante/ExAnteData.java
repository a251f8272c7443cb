package org.jixiao.exante;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.jixiao.project.RuleResults;
import org.jixiao.stage.ProcessVariables;

/**
 * The ex-ante process's data, typed: what its delegates and listeners read, each accessor failing fast on a
 * missing or mistyped value. Names are in {@link ExAnteProcess}.
 */
public final class ExAnteData {

  private final ProcessVariables variables;

  private ExAnteData(VariableScope scope) {
    this.variables = ProcessVariables.of(scope);
  }

  public static ExAnteData of(VariableScope scope) {
    return new ExAnteData(scope);
  }

  /** Experts on a panel (Decision_ExAnteSettings). */
  public int expertPanelSize() {
    return variables.integer(ExAnteProcess.VAR_EXPERT_PANEL_SIZE);
  }

  /** How finance asked the panel to be composed (inputs of 财政再评估), read by 组建专家组. */
  public ExpertPanels.Request expertPanelRequest() {
    return ExpertPanels.request(variables.optionalString(ExAnteProcess.VAR_EXPERT_PANEL_MODE),
        variables.optionalString(ExAnteProcess.VAR_EXPERT_PANEL_CHOICE),
        seed());
  }

  /** The seed as a Long (Tasklist sends one) or as a whole number in text (the input's type allows both). */
  private java.util.Optional<Long> seed() {
    try {
      return variables.optionalLong(ExAnteProcess.VAR_EXPERT_PANEL_SEED);
    } catch (IllegalStateException notALong) {
      return variables.optionalString(ExAnteProcess.VAR_EXPERT_PANEL_SEED).filter(s -> !s.isBlank()).map(s -> {
        try {
          return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
          throw new org.jixiao.system.InvalidInputException("随机种子应为整数：" + s);
        }
      });
    }
  }

  /** The panel of the current round (user ids in seat order), written by 组建专家组. */
  public java.util.List<String> expertPanel() {
    return variables.strings(ExAnteProcess.VAR_EXPERT_PANEL);
  }

  /** Share of a panel that must agree, in percent (Decision_ExAnteSettings). */
  public int expertPassPercent() {
    return variables.integer(ExAnteProcess.VAR_EXPERT_PASS_PERCENT);
  }

  /** Whether finance re-assessment includes budget review and its approved amount (Decision_ExAnteRules). */
  public boolean budgetReviewRequired() {
    return variables.flag(ExAnteProcess.VAR_BUDGET_REVIEW_REQUIRED);
  }

  /**
   * The flags the gateways routed by (from Decision_ExAnteRules via Task_EvaluateExAnteRules), to be checked
   * against the rule results stored with the project; the basis is not a flag and stays empty.
   */
  public RuleResults routingFlags() {
    return new RuleResults(variables.flag(ExAnteProcess.VAR_EX_ANTE_REQUIRED),
        variables.flag(ExAnteProcess.VAR_SELF_ASSESSMENT_REQUIRED),
        variables.flag(ExAnteProcess.VAR_FINANCE_REASSESSMENT_REQUIRED),
        variables.flag(ExAnteProcess.VAR_JOINT_REVIEW_REQUIRED),
        variables.flag(ExAnteProcess.VAR_BUDGET_REVIEW_REQUIRED), null);
  }

  /** Who withdrew the application, given with the withdrawal message by the service that correlated it. */
  public String withdrawnBy() {
    return variables.string(ExAnteProcess.VAR_WITHDRAWN_BY);
  }
}
