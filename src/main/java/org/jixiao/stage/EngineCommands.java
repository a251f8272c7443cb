package org.jixiao.stage;

import org.camunda.bpm.engine.AuthorizationException;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;

/**
 * THE one place that knows Camunda's engine internals for the task guard (see {@link TaskGuard}): it
 * registers a command interceptor through a process engine plugin, tells the engine's command classes
 * apart and reads their fields by reflection (they have no getters), and looks a task up as the system. It
 * also finds the attachment or comment a command touches and answers a hidden one as the engine answers a
 * missing id ({@link #hidden}).
 * Everything else works on {@link EngineAction} (only {@link TaskActionRefused} extends an engine-internal
 * exception, so that Tasklist's submit-form answers 400). Moving to Operaton means renaming the imports below
 * ({@code org.camunda.bpm.engine.impl...} → {@code org.operaton.bpm.engine.impl...}) and checking that the
 * field names still match ({@code javap -p} on the engine jar); nothing outside this class changes.
 */
final class EngineCommands {

  private EngineCommands() {}

  /**
   * Commands that change process-level state a user must never steer: process variables, messages,
   * signals, conditional starts, instance modification, restart and migration. Named by their simple
   * class names, so a class that moves between engine packages stays covered.
   */
  private static final Set<String> ADMIN_ONLY = Set.of(
      "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateAllMessageBatchCmd", "MessageEventReceivedCmd",
      "SignalEventReceivedCmd", "SignalCmd", "EvaluateStartConditionCmd",
      "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd", "ProcessInstanceModificationBatchCmd",
      "ProcessInstanceModificationCmd", "StartProcessInstanceAtActivitiesCmd",
      "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd",
      "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd",
      "SetVariablesToProcessInstancesBatchCmd", "DeleteHistoricVariableInstanceCmd",
      "DeleteHistoricVariableInstancesByProcessInstanceIdCmd");

  /** Process-variable writes and removals (runtime service, {@code /process-instance/{id}/variables}, {@code /execution/...}). */
  private static final Set<String> PROCESS_VARIABLES = Set.of(
      "SetExecutionVariablesCmd", "RemoveExecutionVariablesCmd", "PatchExecutionVariablesCmd");

  /** What a command does, in our own terms; {@link EngineAction.Kind#UNGUARDED} for everything the guard lets pass. */
  @SuppressWarnings("unchecked")
  static EngineAction describe(Command<?> command) {
    String name = command.getClass().getSimpleName();
    if (command instanceof CompleteTaskCmd) {
      return EngineAction.task(EngineAction.Kind.COMPLETE, (String) read(command, "taskId"),
          (Map<String, ?>) read(command, "variables"), null, null);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return EngineAction.task(EngineAction.Kind.COMPLETE, (String) read(command, "taskId"),
          (Map<String, ?>) read(command, "properties"), null, null);
    }
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      // a BPMN error or escalation thrown from a task moves the process past the task's own decision
      return new EngineAction(EngineAction.Kind.ADMIN_ONLY, null, null, null, null, null, null, null, name);
    }
    if (command instanceof SetTaskVariablesCmd) {
      return EngineAction.task(EngineAction.Kind.TASK_VARIABLES, (String) read(command, "entityId"),
          (Map<String, ?>) read(command, "variables"), null, null);
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return EngineAction.task(EngineAction.Kind.TASK_VARIABLES, (String) read(command, "entityId"), null,
          (Collection<String>) read(command, "variableNames"), null);
    }
    if (command instanceof PatchTaskVariablesCmd) {
      return EngineAction.task(EngineAction.Kind.TASK_VARIABLES, (String) read(command, "entityId"),
          (Map<String, ?>) read(command, "variables"), (Collection<String>) read(command, "deletions"), null);
    }
    if (PROCESS_VARIABLES.contains(name)) {
      List<String> names = new ArrayList<>();
      if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd) {
        Map<String, ?> variables = (Map<String, ?>) read(command, "variables");
        if (variables != null) {
          names.addAll(variables.keySet());
        }
      }
      Object removed = command instanceof AbstractRemoveVariableCmd ? read(command, "variableNames")
          : command instanceof AbstractPatchVariablesCmd ? read(command, "deletions") : null;
      if (removed != null) {
        names.addAll((Collection<String>) removed);
      }
      String entityId = command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd
          ? (String) read(command, "entityId") : null;
      return new EngineAction(EngineAction.Kind.PROCESS_VARIABLES, null, null, null, names, null, null, null, entityId);
    }
    if (ADMIN_ONLY.contains(name)) {
      return new EngineAction(EngineAction.Kind.ADMIN_ONLY, null, null, null, null, null, null, null, name);
    }
    if (command instanceof ClaimTaskCmd) {
      return EngineAction.task(EngineAction.Kind.CLAIM, (String) read(command, "taskId"), null, null,
          (String) read(command, "userId"));
    }
    if (command instanceof AssignTaskCmd) {
      return EngineAction.task(EngineAction.Kind.ASSIGN, (String) read(command, "taskId"), null, null,
          (String) read(command, "userId"));
    }
    if (command instanceof AbstractSetTaskPropertyCmd || command instanceof DelegateTaskCmd
        || command instanceof DeleteIdentityLinkCmd) {
      return EngineAction.task(EngineAction.Kind.TASK_PROPERTY, (String) read(command, "taskId"), null, null, null);
    }
    if (command instanceof DeleteTaskCmd) {
      return new EngineAction(EngineAction.Kind.TASK_PROPERTY, (String) read(command, "taskId"), null, null, null,
          null, null, null, name);
    }
    if (command instanceof SaveTaskCmd) {
      Task changed = (Task) read(command, "task");
      return new EngineAction(EngineAction.Kind.SAVE_TASK, changed.getId(), null, null, null, null, null, changed, name);
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
      return new EngineAction(EngineAction.Kind.START, null, builder.getVariables(), null, null,
          builder.getProcessDefinitionId(), builder.getProcessDefinitionKey() + "@" + builder.getProcessDefinitionTenantId(),
          null, name);
    }
    if (command instanceof SubmitStartFormCmd) {
      return new EngineAction(EngineAction.Kind.START, null, (Map<String, ?>) read(command, "variables"), null, null,
          (String) read(command, "processDefinitionId"), null, null, name);
    }
    return EngineAction.UNGUARDED;
  }

  /** Reads of one attachment or comment: hidden, they answer null, as for an id that does not exist. */
  private static final Set<String> ITEM_READ = Set.of(
      "GetTaskAttachmentCmd", "GetTaskAttachmentContentCmd", "GetAttachmentCmd", "GetAttachmentContentCmd",
      "GetTaskCommentCmd");
  /** Lists of a task's or an instance's attachments or comments: hidden, they answer an empty list. */
  private static final Set<String> ITEM_LIST = Set.of(
      "GetTaskAttachmentsCmd", "GetProcessInstanceAttachmentsCmd", "GetTaskCommentsCmd", "GetProcessInstanceCommentsCmd");
  private static final Set<String> ITEM_ADD = Set.of("CreateAttachmentCmd", "AddCommentCmd");
  private static final Set<String> ITEM_CHANGE = Set.of(
      "DeleteAttachmentCmd", "SaveAttachmentCmd", "DeleteTaskCommentCmd", "DeleteProcessInstanceCommentCmd",
      "UpdateCommentCmd");

  /** The attachment or comment a command reads, lists, adds, changes or deletes; null for every other command. */
  static TaskGuard.ItemAction item(ProcessEngineConfigurationImpl configuration, Command<?> command) {
    String name = command.getClass().getSimpleName();
    TaskGuard.ItemKind kind = ITEM_READ.contains(name) ? TaskGuard.ItemKind.READ
        : ITEM_LIST.contains(name) ? TaskGuard.ItemKind.LIST
        : ITEM_ADD.contains(name) ? TaskGuard.ItemKind.ADD
        : ITEM_CHANGE.contains(name) ? TaskGuard.ItemKind.CHANGE : null;
    if (kind == null) {
      return null;
    }
    boolean attachment = name.contains("Attachment");
    String taskId = (String) readIfPresent(command, "taskId");
    String processInstanceId = (String) readIfPresent(command, "processInstanceId");
    String itemId = (String) readIfPresent(command, attachment ? "attachmentId" : "commentId");
    if (name.equals("SaveAttachmentCmd")) {
      Attachment saved = (Attachment) read(command, "attachment");
      itemId = saved == null ? null : saved.getId();
    }
    if (attachment && itemId != null && taskId == null && processInstanceId == null) {
      // by the attachment's id alone: its task or instance, as stored
      String attachmentId = itemId;
      AttachmentEntity stored = configuration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        return context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
      });
      if (stored != null) {
        taskId = stored.getTaskId();
        processInstanceId = stored.getProcessInstanceId();
      }
    }
    return new TaskGuard.ItemAction(kind, attachment, taskId, processInstanceId, itemId);
  }

  /**
   * The task, else the process instance or execution, else the process definition a command addresses by id:
   * {@code [taskId, instanceOrExecutionId, definitionId]}.
   */
  static String[] addressed(Command<?> command) {
    Object taskId = readIfPresent(command, command.getClass().getSimpleName().equals("GetTaskFormVariablesCmd")
        ? "resourceId" : "taskId");
    boolean variables = command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd;
    if (taskId == null && variables && command.getClass().getSimpleName().contains("Task")) {
      taskId = readIfPresent(command, "entityId");
    }
    Object instanceId = readIfPresent(command, "processInstanceId");
    if (instanceId == null && taskId == null) {
      instanceId = readIfPresent(command, command instanceof AbstractVariableCmd ? "entityId" : "executionId");
    }
    Object definitionId = readIfPresent(command, "processDefinitionId");
    return new String[] {taskId instanceof String t ? t : null, instanceId instanceof String i ? i : null,
        definitionId instanceof String d ? d : null};
  }

  /** What a hidden item answers: a read as for a missing id (null), a list empty, a change or addition not found. */
  static Object hidden(TaskGuard.ItemAction item) {
    return switch (item.kind()) {
      case READ -> null;
      case LIST -> new ArrayList<>();
      default -> throw new NullValueException(item.attachment() ? "attachment is null" : "comment is null");
    };
  }

  /** The engine as the guard sees it, from the engine's configuration. */
  static TaskGuard.Engine engine(ProcessEngineConfigurationImpl configuration) {
    return new TaskGuard.Engine() {
      @Override
      public String userId() {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
      }

      @Override
      public List<String> groupIds() {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        return user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
      }

      @Override
      public TaskState task(String taskId) {
        return EngineCommands.task(configuration, taskId);
      }

      @Override
      public boolean taskEnded(String taskId) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          context.disableTenantCheck();
          HistoricTaskInstanceEntity done = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
          return done != null && done.getEndTime() != null;
        });
      }

      @Override
      public boolean mayReadTask(String taskId) {
        if (configuration.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
          return true;
        }
        if (EngineCommands.task(configuration, taskId) != null) {
          return false; // running, and not the caller's to see
        }
        String processInstanceId = configuration.getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          context.disableTenantCheck();
          HistoricTaskInstanceEntity done = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
          return done == null ? "" : done.getProcessInstanceId();
        });
        if ("".equals(processInstanceId)) {
          return true; // no such task: the engine answers that
        }
        return processInstanceId != null && mayReadInstance(processInstanceId);
      }

      @Override
      public boolean mayReadInstance(String processInstanceId) {
        boolean running = configuration.getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          context.disableTenantCheck();
          return context.getExecutionManager().findExecutionById(processInstanceId) != null;
        });
        if (running) {
          return configuration.getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(processInstanceId).count() > 0;
        }
        return configuration.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).count() > 0
            || configuration.getCommandExecutorTxRequired().execute(context -> {
              context.disableAuthorizationCheck();
              context.disableTenantCheck();
              return context.getHistoricProcessInstanceManager().findHistoricProcessInstance(processInstanceId) == null;
            }); // no such instance: the engine answers that
      }

      @Override
      public Optional<String> author(TaskGuard.ItemAction item) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          context.disableTenantCheck();
          if (!item.attachment()) {
            CommentEntity comment = item.taskId() != null
                ? context.getCommentManager().findCommentByTaskIdAndCommentId(item.taskId(), item.itemId())
                : context.getCommentManager().findCommentByProcessInstanceIdAndCommentId(item.processInstanceId(), item.itemId());
            return comment == null ? null : Optional.ofNullable(comment.getUserId());
          }
          AttachmentEntity attachment = context.getDbEntityManager().selectById(AttachmentEntity.class, item.itemId());
          if (attachment == null) {
            return null;
          }
          // the engine keeps no author on an attachment: the user who added it, from the operation log
          var query = configuration.getHistoryService().createUserOperationLogQuery()
              .operationType(UserOperationLogEntry.OPERATION_TYPE_ADD_ATTACHMENT)
              .entityType(EntityTypes.ATTACHMENT);
          if (attachment.getTaskId() != null) {
            query.taskId(attachment.getTaskId());
          } else {
            query.processInstanceId(attachment.getProcessInstanceId());
          }
          Set<String> authors = new HashSet<>();
          query.list().stream().filter(entry -> attachment.getName() != null && attachment.getName().equals(entry.getNewValue()))
              .forEach(entry -> authors.add(String.valueOf(entry.getUserId())));
          return Optional.ofNullable(authors.size() == 1 ? authors.iterator().next() : null);
        });
      }

      @Override
      public RepositoryService repositoryService() {
        return configuration.getRepositoryService();
      }
    };
  }

  /** A task as stored, read as the system (no authorization or tenant check); null if there is none. */
  private static TaskState task(ProcessEngineConfigurationImpl configuration, String taskId) {
    if (taskId == null) {
      return null;
    }
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null ? null : TaskState.of(task);
    });
  }

  private static Object readIfPresent(Object command, String fieldName) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(fieldName)) {
          return read(command, fieldName);
        }
      }
    }
    return null;
  }

  private static Object read(Object command, String fieldName) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(fieldName);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + fieldName + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("engine command " + command.getClass().getName() + " has no field " + fieldName
        + " (engine version changed? see EngineCommands)");
  }

  /**
   * Adds the guard's interceptor in front of every command that needs a transaction (all of the REST's).
   * The starter applies every {@code ProcessEnginePlugin} bean to the engine it builds.
   */
  static final class Plugin extends AbstractProcessEnginePlugin {

    private final TaskGuard guard;

    Plugin(TaskGuard guard) {
      this.guard = guard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      guard.bind(engine(configuration));
      List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
      if (interceptors == null) {
        interceptors = new ArrayList<>();
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
      interceptors.add(new Interceptor(guard, configuration));
      List<CommandInterceptor> inside = configuration.getCustomPostCommandInterceptorsTxRequired();
      if (inside == null) {
        inside = new ArrayList<>();
        configuration.setCustomPostCommandInterceptorsTxRequired(inside);
      }
      inside.add(new TaskLock(configuration.getDatabaseTablePrefix()));
      // the engine would log every failed command as an error with its stack trace, a lost race or a refusal
      // included; the interceptor logs instead, telling the expected answers from the failures (CommandFailures)
      configuration.setEnableCmdExceptionLogging(false);
    }
  }

  /** The task a reviewer's completion works on, handed from {@link Interceptor} to {@link TaskLock}. */
  private static final ThreadLocal<String> TASK_TO_LOCK = new ThreadLocal<>();

  /**
   * Locks the task row a reviewer's completion is about to work on, first thing in the completion's own
   * transaction ({@code select … for update}): of two reviewers completing one task at once, the second waits for
   * the first's commit, then finds the task gone and is answered 409 at once, without running the task's
   * listeners and the next steps only to fail at commit (a lost race cost a whole completion's work before, and
   * ended in whatever the winner's changes made the loser's steps trip over). Runs inside the command context
   * (a post interceptor), on the command's connection; one statement per completion.
   */
  static final class TaskLock extends CommandInterceptor {

    private final String sql;

    TaskLock(String tablePrefix) {
      this.sql = "select ID_ from " + (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_TASK where ID_ = ? for update";
    }

    @Override
    public <T> T execute(Command<T> command) {
      String taskId = TASK_TO_LOCK.get();
      if (taskId != null) {
        TASK_TO_LOCK.remove();
        lock(taskId);
      }
      return next.execute(command);
    }

    private void lock(String taskId) {
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, taskId);
        try (ResultSet ignored = statement.executeQuery()) {
          // the row is ours until commit, or gone (another completion committed first: the command finds no task)
        }
      } catch (SQLException e) {
        // a lock timeout (H2) or deadlock report: the transaction may be aborted, so the command must not go on
        throw new OptimisticLockingException("task " + taskId + " could not be locked for completion: " + e.getMessage());
      }
    }
  }

  /**
   * Checks only the outermost command of a call from the engine's REST surfaces: the commands our own
   * services, listeners and delegates run inside it (depth > 0) are trusted.
   */
  static final class Interceptor extends CommandInterceptor {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final TaskGuard guard;
    private final ProcessEngineConfigurationImpl configuration;

    Interceptor(TaskGuard guard, ProcessEngineConfigurationImpl configuration) {
      this.guard = guard;
      this.configuration = configuration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        EngineAction action = null;
        if (depth[0] == 1 && EngineRestCalls.isUntrusted()) {
          action = describe(command);
          guard.check(action);
          EngineTexts.check(command);
          TaskGuard.ItemAction item = item(configuration, command);
          if (item != null && !guard.mayAccess(item)) {
            return (T) hidden(item);
          }
        }
        try {
          return executeRetryingClashes(command, action);
        } catch (RuntimeException failed) {
          throw answer(command, action, failed);
        }
      } catch (RuntimeException answered) {
        if (depth[0] == 1) {
          CommandFailures.log(command, answered);
        }
        throw answered;
      } finally {
        depth[0]--;
      }
    }

    /** What a failed command answers the caller: a lost race 409, another's item as a missing id, else the failure. */
    private RuntimeException answer(Command<?> command, EngineAction action, RuntimeException failed) {
      if (action == null) {
        return failed;
      }
      if (failed instanceof AuthorizationException) {
        return guard.unseen(addressed(command), guard.lostRace(action, failed));
      }
      // a completion that failed because another user's completion of the same task got in first (its
      // listeners or gateways saw the winner's state): 409 as well, not the failure it ran into
      RuntimeException answer = action.kind() == EngineAction.Kind.COMPLETE ? guard.lostRace(action, failed) : failed;
      // another district's item (the tenant check), or the engine tripping over an id that does not exist
      return failed instanceof ProcessEngineException || failed instanceof NullPointerException
          ? guard.unseen(addressed(command), answer) : answer;
    }

    /**
     * A reviewer's completion that clashed with a background step changing the same still-open task (the deadline
     * watch raising its priority on this or another node) is done again in a fresh transaction, up to three times:
     * the reviewer did nothing wrong. A clash with another reviewer's completion leaves the task ended and stays a
     * lost race (409).
     */
    private <T> T executeRetryingClashes(Command<T> command, EngineAction action) {
      for (int attempt = 1; ; attempt++) {
        try {
          if (action != null && action.kind() == EngineAction.Kind.COMPLETE && action.taskId() != null) {
            TASK_TO_LOCK.set(action.taskId());
          }
          return next.execute(command);
        } catch (OptimisticLockingException clash) {
          if (action == null || action.kind() != EngineAction.Kind.COMPLETE || attempt == 3 || !guard.isOpen(action.taskId())) {
            throw clash;
          }
        } finally {
          TASK_TO_LOCK.remove();
        }
      }
    }
  }
}
