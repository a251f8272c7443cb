package org.jixiao.stage;

/** What the deadline watch did to a task; each happens at most once per task. */
public enum DeadlineKind {
  /** 催办: the follow-up date passed */
  REMINDED,
  /** 督办: the due date passed, the finance performance section supervises */
  ESCALATED
}
