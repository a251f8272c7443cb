package org.jixiao.stage;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task action or variable a caller may not send: 400 with a Chinese message naming the variable, before
 * anything is changed. Its base class is the engine's form-validation error (an engine-internal type, the
 * only one outside {@link EngineCommands}; on a move to Operaton rename its import): the webapps' own REST,
 * which Tasklist submits forms through, answers it with 400 and the message, as it does for a form field
 * that fails validation; {@code /engine-rest} answers it through our mapper.
 */
public class TaskActionRefused extends FormFieldValidationException {

  public TaskActionRefused(String message) {
    super(null, message);
  }
}
