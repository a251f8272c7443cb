package org.jixiao.stage;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * What an engine command coming from a REST surface would do, as the guard needs to know it: which kind
 * of action, on which task or process definition, with which variables. Built by {@link EngineCommands}.
 *
 * @param variables submitted variables (typed values or plain values), where the action sets some
 * @param userId the user a claim or an assignment names (null: unclaim)
 * @param names names of variables removed (task actions) or written and removed (process variables)
 * @param processDefinitionKeyAndTenant {@code key@tenant} of a start by key, where no id is given
 * @param changedTask the task as a save would store it
 * @param detail the command's name, or the entity of a process-variable write
 */
record EngineAction(Kind kind, String taskId, Map<String, ?> variables, String userId, Collection<String> names,
    String processDefinitionId, String processDefinitionKeyAndTenant, Task changedTask, String detail) {

  enum Kind {
    /** complete or submit-form: variables go with it */
    COMPLETE,
    /** set, patch or remove a task's variables (local or not) */
    TASK_VARIABLES,
    CLAIM,
    /** set the assignee (null: unclaim) */
    ASSIGN,
    /** owner, delegation, priority, due or follow-up date, name, identity links, deletion */
    TASK_PROPERTY,
    /** PUT /task/{id}: the whole task saved */
    SAVE_TASK,
    /** start a process (by id or key) or submit its start form */
    START,
    PROCESS_VARIABLES,
    /** message, signal, conditional start, modification, restart, migration, BPMN error or escalation from a task */
    ADMIN_ONLY,
    UNGUARDED
  }

  static final EngineAction UNGUARDED = new EngineAction(Kind.UNGUARDED, null, null, null, null, null, null, null, null);

  static EngineAction task(Kind kind, String taskId, Map<String, ?> variables, Collection<String> removed, String userId) {
    return new EngineAction(kind, taskId, variables, userId, removed, null, null, null, null);
  }
}
