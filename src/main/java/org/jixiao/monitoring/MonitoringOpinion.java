package org.jixiao.monitoring;

import org.jixiao.stage.ReviewDecision;

/** An opinion a monitoring step gives: the step, who, in which role, what was decided, the comment and conclusion. */
record MonitoringOpinion(String step, String stepName, String actor, String actorRole, ReviewDecision decision,
    String comment, String conclusion) {}
