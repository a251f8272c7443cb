package org.jixiao.identity;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What a stage adds to the platform's access model: the authorizations its own processes need beyond task
 * candidacy (who starts which of its processes in Tasklist), the variables its Tasklist cards show, and a
 * Tasklist filter of its own work. Each
 * stage module provides one bean; {@link AccessSetup} applies them all at every start, idempotently.
 */
public interface StageAccess {

  void contribute(Grants grants);

  /** The means a stage has to add access: grants to a role, and a variable shown on every Tasklist card. */
  interface Grants {

    void grant(Role role, Resource resource, String resourceId, Permission... permissions);

    void cardVariable(String name, String label);

    /**
     * A Tasklist filter of the stage's own work, for everyone: the tasks of the given processes the user may
     * take (their own or their groups'), listed after the shared filters.
     */
    void workFilter(String name, String description, int priority, String... processDefinitionKeys);
  }
}
