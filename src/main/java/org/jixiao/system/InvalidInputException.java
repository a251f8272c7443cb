package org.jixiao.system;

/**
 * Input a user gave while completing a task that the process refuses (a missing decision, a score out of
 * range); the message is Chinese and shown as it is. The completion is rolled back and the task stays open;
 * {@code /engine-rest} answers 400 (see EngineRestConfiguration).
 */
public class InvalidInputException extends IllegalArgumentException {

  public InvalidInputException(String message) {
    super(message);
  }
}
