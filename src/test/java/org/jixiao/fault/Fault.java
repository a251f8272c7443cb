package org.jixiao.fault;

/**
 * Tests tagged {@value #TAG} crash applications and databases on purpose: they start the application as
 * child JVMs ({@link ChildApplication}) on embedded PostgreSQL or an H2 file and run in a surefire execution
 * of their own (see pom.xml), after the other tests.
 */
final class Fault {
  static final String TAG = "fault";

  private Fault() {}
}
