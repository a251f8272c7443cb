package org.jixiao.stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.jixiao.identity.Role;

/**
 * The rules a user's call to the engine's REST surfaces must keep (see {@link EngineRestCalls}): a task
 * takes only the variables its model declares ({@link TaskInputs}); a claimed task is worked only by its
 * assignee; a user claims only for themselves and unclaims only their own claim; due dates, priorities,
 * assignees, owners and candidates are changed only by the finance performance section
 * (财政局绩效科) and administrators; process variables, messages, signals, conditional starts and instance
 * modification are for administrators only; a process starts only with its start form's declared inputs.
 * Refusals happen before the command runs, so nothing is changed.
 */
class TaskGuard {

  /** What the guard asks the engine: the current user, a task as stored, the deployed models. */
  interface Engine {
    /** the engine's authenticated user, null if none */
    String userId();

    List<String> groupIds();

    /** the task as stored, read as the system; null if there is none */
    TaskState task(String taskId);

    /** whether the task existed and has been completed or deleted */
    boolean taskEnded(String taskId);

    RepositoryService repositoryService();

    /** whether the caller's own authorizations show the task (a completed one: its instance); true if there is none */
    boolean mayReadTask(String taskId);

    /** whether the caller's own authorizations show the instance (running or in history); true if there is none */
    boolean mayReadInstance(String processInstanceId);

    /** the item's author as stored (empty: none known); null if the item does not exist */
    Optional<String> author(ItemAction item);
  }

  enum ItemKind { READ, LIST, ADD, CHANGE }

  /**
   * An attachment or comment a call reads, lists, adds, changes or deletes, of a task or of a process
   * instance (itemId null: all of them, or a new one).
   */
  record ItemAction(ItemKind kind, boolean attachment, String taskId, String processInstanceId, String itemId) {}

  private Engine engine;
  private volatile TaskInputs inputs;

  void bind(Engine engine) {
    this.engine = engine;
  }

  TaskInputs inputs() {
    if (inputs == null) {
      inputs = new TaskInputs(engine.repositoryService());
    }
    return inputs;
  }

  void check(EngineAction action) {
    if (action.kind() == EngineAction.Kind.UNGUARDED) {
      return;
    }
    try {
      checkRules(action);
    } catch (RuntimeException refused) { // our rules, or the engine refusing the task's model to another district
      if (action.taskId() != null && !engine.mayReadTask(action.taskId())) {
        return; // another's task: the engine refuses it, answered as a missing id (unseen), not with our rule
      }
      throw refused;
    }
  }

  private void checkRules(EngineAction action) {
    String userId = engine.userId();
    List<String> groups = engine.groupIds();
    boolean administrator = groups.contains(Role.ADMINISTRATOR.groupId());
    boolean mayManageTasks = administrator || groups.contains(Role.FINANCE_PERFORMANCE.groupId());
    switch (action.kind()) {
      case COMPLETE, TASK_VARIABLES -> {
        TaskState task = existing(action.taskId());
        if (task == null) {
          return; // the engine answers that the task does not exist
        }
        if (task.assignee() != null && !task.assignee().equals(userId)) {
          throw new TaskActionForbidden("该事项已由 " + task.assignee() + " 认领，只有认领人可以办理或填写");
        }
        Map<String, TaskInputs.Input> declared = task.processDefinitionId() == null ? Map.of()
            : inputs().ofTask(task.processDefinitionId(), task.taskDefinitionKey());
        refuseIfPresent(TaskInputs.refusal(declared, action.variables(), task.name()));
        refuseIfPresent(TaskInputs.refusalOfNames(declared, action.names(), task.name()));
      }
      case CLAIM -> {
        existing(action.taskId());
        if (action.userId() == null) {
          unclaim(action, userId, mayManageTasks);
        } else if (!action.userId().equals(userId)) {
          throw new TaskActionForbidden("只能为自己认领事项，不能替他人认领（" + action.userId() + "）");
        }
      }
      case ASSIGN -> {
        if (action.userId() == null) {
          unclaim(action, userId, mayManageTasks);
        } else if (!mayManageTasks) {
          TaskState task = engine.task(action.taskId());
          boolean claimingForOneself = task != null && task.assignee() == null && action.userId().equals(userId);
          if (!claimingForOneself) {
            throw forbiddenTaskChange();
          }
        }
      }
      case TASK_PROPERTY -> {
        if (!mayManageTasks) {
          throw forbiddenTaskChange();
        }
      }
      case SAVE_TASK -> {
        if (!mayManageTasks) {
          TaskState task = engine.task(action.taskId());
          if (task == null || task.differsFrom(action.changedTask())) {
            throw forbiddenTaskChange();
          }
        }
      }
      case START -> {
        String definitionId = definitionId(action);
        if (!administrator && action.variables() != null && !action.variables().isEmpty()) {
          Map<String, TaskInputs.Input> declared = definitionId == null ? Map.of() : inputs().ofStart(definitionId);
          refuseIfPresent(TaskInputs.refusal(declared, action.variables(), "发起流程"));
        }
        // a process that starts only through the application (项目申报 registers the project first): never directly,
        // not even by an administrator, so that no instance runs without its domain record
        Optional<String> only = definitionId != null ? inputs().startsThrough(definitionId)
            : startsThroughByKey(action.processDefinitionKeyAndTenant());
        if (only.isPresent()) {
          throw new TaskActionForbidden("本流程不能直接发起，请通过" + only.get() + "提交");
        }
      }
      case PROCESS_VARIABLES -> {
        if (!administrator) {
          String name = action.names() == null || action.names().isEmpty() ? "" : String.join("、", action.names()) + " ";
          throw new TaskActionRefused("不能修改流程变量 " + name + "：流程变量只由流程自身的步骤写入，"
              + "请在待办事项的表单中办理");
        }
      }
      case ADMIN_ONLY -> {
        if (!administrator) {
          throw new TaskActionForbidden("只有系统管理员可以发送消息或信号、抛出流程错误、修改、重启或迁移流程实例");
        }
      }
      default -> { }
    }
  }

  /**
   * Attachments and comments follow their task's or instance's readers: whoever may not read the task (or
   * the instance) is answered as if the item did not exist. Changing or deleting one is for its author and
   * administrators; deleting all of a task's comments for administrators. Returns false to hide the item.
   */
  boolean mayAccess(ItemAction item) {
    if (engine.groupIds().contains(Role.ADMINISTRATOR.groupId())) {
      return true;
    }
    boolean reader = item.taskId() != null ? engine.mayReadTask(item.taskId())
        : item.processInstanceId() == null || engine.mayReadInstance(item.processInstanceId());
    if (!reader) {
      return false;
    }
    if (item.kind() == ItemKind.CHANGE) {
      if (item.itemId() == null) {
        throw new TaskActionForbidden("只有系统管理员可以一次删除全部评论");
      }
      Optional<String> author = engine.author(item);
      if (author != null && !author.filter(a -> a.equals(engine.userId())).isPresent()) {
        throw new TaskActionForbidden(item.attachment() ? "只能修改或删除自己添加的附件" : "只能修改或删除自己发表的评论");
      }
    }
    return true;
  }

  /**
   * The engine refused a checked action as unauthorized, or a completion failed. If its task has meanwhile
   * been completed or removed, the caller lost a race (the winner took the task's candidate authorizations
   * with it, or its listeners and gateways saw the winner's changes): 409, as when the guard sees it first;
   * otherwise the refusal or failure stands.
   */
  RuntimeException lostRace(EngineAction action, RuntimeException denied) {
    try {
      existing(action.taskId());
    } catch (TaskActionConflict conflict) {
      return conflict;
    }
    return denied;
  }

  /**
   * The engine refused the outermost command of a REST call on a task or instance (by id) that the caller may not
   * read (another department's or district's), or tripped over an id that does not exist: answered as a missing id,
   * so the answer does not tell whether it exists. A refusal on an item the caller sees stands (403 and the like).
   */
  RuntimeException unseen(String[] addressed, RuntimeException refused) {
    if (refused instanceof TaskActionConflict || refused instanceof TaskActionRefused || refused instanceof TaskActionForbidden) {
      return refused;
    }
    boolean denied = refused instanceof org.camunda.bpm.engine.AuthorizationException
        || refused.getMessage() != null && refused.getMessage().contains("belongs to no authenticated tenant");
    boolean tripped = refused instanceof NullPointerException;
    if (!denied && !tripped) {
      return refused;
    }
    String taskId = addressed[0];
    String instanceId = addressed[1];
    boolean hidden = taskId != null ? tripped && engine.task(taskId) == null || !engine.mayReadTask(taskId)
        : instanceId != null ? !engine.mayReadInstance(instanceId)
        // another district's model: its tenant is not the caller's
        : addressed[2] != null && denied && !(refused instanceof org.camunda.bpm.engine.AuthorizationException);
    if (!hidden) {
      return refused;
    }
    return new org.camunda.bpm.engine.exception.NullValueException(
        (taskId != null ? "Cannot find task with id " + taskId : instanceId != null
            ? "Cannot find process instance with id " + instanceId : "Cannot find process definition " + addressed[2])
            + ": not found");
  }

  /** Whether the task is still there to be done (not completed, withdrawn or removed meanwhile). */
  boolean isOpen(String taskId) {
    return taskId != null && engine.task(taskId) != null;
  }

  /** The task as stored; 409 if it has just been completed or removed (someone else won), null if it never existed. */
  private TaskState existing(String taskId) {
    TaskState task = engine.task(taskId);
    if (task == null && taskId != null && engine.taskEnded(taskId)) {
      throw new TaskActionConflict("该事项已被他人办理或已撤回，请刷新后重试");
    }
    return task;
  }

  private void unclaim(EngineAction action, String userId, boolean mayManageTasks) {
    if (mayManageTasks) {
      return;
    }
    TaskState task = engine.task(action.taskId());
    if (task != null && task.assignee() != null && !task.assignee().equals(userId)) {
      throw new TaskActionForbidden("只有认领人（" + task.assignee() + "）可以取消认领");
    }
  }

  private String definitionId(EngineAction action) {
    if (action.processDefinitionId() != null) {
      return action.processDefinitionId();
    }
    if (action.processDefinitionKeyAndTenant() == null) {
      return null;
    }
    String[] keyAndTenant = action.processDefinitionKeyAndTenant().split("@", 2);
    ProcessDefinitionQuery query = engine.repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(keyAndTenant[0]).latestVersion();
    if (!"null".equals(keyAndTenant[1])) {
      query.tenantIdIn(keyAndTenant[1]);
    }
    List<ProcessDefinition> found = query.list();
    return found.size() == 1 ? found.get(0).getId() : null;
  }

  /** For a start by key whose definition the guard cannot pin down: the way any district's latest version names. */
  private Optional<String> startsThroughByKey(String keyAndTenant) {
    if (keyAndTenant == null) {
      return Optional.empty();
    }
    return engine.repositoryService().createProcessDefinitionQuery().processDefinitionKey(keyAndTenant.split("@", 2)[0])
        .latestVersion().list().stream().map(d -> inputs().startsThrough(d.getId())).flatMap(Optional::stream).findFirst();
  }

  private static TaskActionForbidden forbiddenTaskChange() {
    return new TaskActionForbidden("只有财政局绩效科可以修改事项的办理期限、跟进日期、优先级、办理人、委托或候选人");
  }

  private static void refuseIfPresent(Optional<String> refusal) {
    if (refusal.isPresent()) {
      throw new TaskActionRefused(refusal.get());
    }
  }
}
