package org.jixiao.stage;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task action or variable a caller may not send: 400 with a Chinese message naming the variable, before
 * anything is changed. A {@link BadUserRequestException}, so the webapps' own REST answers 400 as well.
 */
public class TaskActionRefused extends BadUserRequestException {

  public TaskActionRefused(String message) {
    super(message);
  }
}
