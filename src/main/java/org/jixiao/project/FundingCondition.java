package org.jixiao.project;

import java.util.List;

/**
 * A condition a later stage sets on money moving for a project (no goals, no budget: 无目标不得安排预算).
 * Each module that has one provides a bean; {@link FundingEligibility} asks them all.
 */
public interface FundingCondition {

  /** Why the project may not be funded yet; empty if this condition holds. */
  List<FundingEligibility.Reason> reasonsAgainst(ProjectRef project);
}
