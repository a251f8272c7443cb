package org.jixiao.stage;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A task action the caller's role or position does not allow (someone else's claimed task, a unit moving
 * a due date, a message sent by a non-administrator): 403 with a Chinese message, nothing changed.
 */
public class TaskActionForbidden extends AuthorizationException {

  public TaskActionForbidden(String message) {
    super(message);
  }
}
