package org.jixiao.stage;

/**
 * Reading what a task's form submitted, the same way in every stage: text stripped (blank is none), a
 * decision by its name (anything else is none, for the step to refuse in its own words).
 */
public final class FormValues {

  private FormValues() {}

  /** The text a form gave, stripped; null when it gave none or only blanks. */
  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** The decision a form gave by name; null when it gave none or a name that is no decision. */
  public static ReviewDecision decision(Object value) {
    try {
      return value == null ? null : ReviewDecision.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
