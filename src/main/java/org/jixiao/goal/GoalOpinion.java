package org.jixiao.goal;

import org.jixiao.stage.ReviewDecision;

/** An opinion on a goal set as a process step reports it: which step, who, in which role, deciding what. */
public record GoalOpinion(String step, String stepName, String reviewer, String reviewerRole, ReviewDecision decision,
    String comment) {

  GoalOpinion withDecision(ReviewDecision newDecision) {
    return new GoalOpinion(step, stepName, reviewer, reviewerRole, newDecision, comment);
  }
}
