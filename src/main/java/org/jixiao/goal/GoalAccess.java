package org.jixiao.goal;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jixiao.identity.Role;
import org.jixiao.identity.StageAccess;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Goal management's part of the access model: a budget unit starts a goal adjustment and the finance
 * performance section the 抽审 draw in Tasklist (发起流程); cards show the goal set's code; a filter lists the
 * goal work a user may take.
 */
@Component
@Order(20)
class GoalAccess implements StageAccess {

  @Override
  public void contribute(Grants grants) {
    grants.grant(Role.BUDGET_UNIT, Resources.PROCESS_DEFINITION, GoalReviewProcess.ADJUSTMENT_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grant(Role.FINANCE_PERFORMANCE, Resources.PROCESS_DEFINITION, GoalReviewProcess.DRAW_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.cardVariable(GoalReviewProcess.VAR_GOAL_SET_CODE, "绩效目标编号");
    grants.workFilter("绩效目标待办", "绩效目标编制、审核、调整与抽审中我可办理的事项", 30,
        GoalReviewProcess.KEY, GoalReviewProcess.ADJUSTMENT_KEY);
  }
}
