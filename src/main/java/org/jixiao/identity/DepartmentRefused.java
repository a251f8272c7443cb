package org.jixiao.identity;

/**
 * A department the tree refuses, with a Chinese message: invalid input (the API answers 400) or a code or
 * group that exists already (409). Nothing has been written.
 */
public class DepartmentRefused extends RuntimeException {

  private final boolean conflict;

  DepartmentRefused(String message, boolean conflict) {
    super(message);
    this.conflict = conflict;
  }

  static DepartmentRefused invalid(String message) {
    return new DepartmentRefused(message, false);
  }

  static DepartmentRefused conflict(String message) {
    return new DepartmentRefused(message, true);
  }

  /** True for a duplicate (409), false for invalid input (400). */
  public boolean isConflict() {
    return conflict;
  }
}
