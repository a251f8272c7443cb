package org.jixiao;

/**
 * Tests tagged {@value #TAG} start and stop whole applications themselves. Camunda keeps a static registry
 * of process engines that the REST API and webapps look up; stopping a second application's engine in the
 * same JVM leaves the shared test application without one ("No process engine available"). Surefire runs
 * these tests in a separate execution, so a JVM of their own (see pom.xml).
 */
public final class OwnEngine {
  public static final String TAG = "own-engine";

  private OwnEngine() {}
}
