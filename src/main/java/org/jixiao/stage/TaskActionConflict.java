package org.jixiao.stage;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * The task a caller acts on has just been completed or removed by someone else (a completion, a claim or
 * a withdrawal that won the race): 409, like the engine's own optimistic-locking conflicts.
 */
public class TaskActionConflict extends OptimisticLockingException {

  public TaskActionConflict(String message) {
    super(message);
  }
}
