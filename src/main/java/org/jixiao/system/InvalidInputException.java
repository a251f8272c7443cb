package org.jixiao.system;

import java.util.List;

/**
 * Input a user gave that the system refuses (a missing decision, a score out of range, goals that break
 * the rules); the message is Chinese and shown as it is, with one entry per bad field where known. Nothing
 * is stored: a task completion is rolled back and the task stays open; {@code /engine-rest} and
 * {@code /api} answer 400.
 */
public class InvalidInputException extends IllegalArgumentException {

  private final transient List<ApiError.FieldError> fieldErrors;

  public InvalidInputException(String message) {
    this(message, List.of());
  }

  public InvalidInputException(String message, List<ApiError.FieldError> fieldErrors) {
    super(message);
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** One exception for several refusals: the message lists them all. */
  public static InvalidInputException of(List<ApiError.FieldError> fieldErrors) {
    return new InvalidInputException("输入有误：" + String.join("；",
        fieldErrors.stream().map(ApiError.FieldError::message).toList()), fieldErrors);
  }

  public List<ApiError.FieldError> fieldErrors() {
    return fieldErrors;
  }
}
