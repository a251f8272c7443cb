package org.jixiao.stage;

import java.text.SimpleDateFormat;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline watch (期限巡检) of every stage: open tasks whose follow-up date has passed are reminded (催办:
 * higher priority and a comment), tasks whose due date has passed are escalated (督办: the
 * {@link Deadlines#MESSAGE_TASK_OVERDUE} message opens the model's 超期督办 sub-process, the task stays open).
 *
 * <p>Each happens once per task: the run records it in {@code task_deadline} (unique per task and kind)
 * before acting, in the same transaction as the engine's changes. Two overlapping runs (two nodes) cannot
 * both act: the second one's insert violates the key, its whole transaction rolls back, and its job is
 * retried and then finds the record. Supervision tasks themselves are never reminded or escalated.
 */
@Service
public class DeadlineWatch {

  private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final TaskDeadlineRepository deadlines;

  DeadlineWatch(TaskService taskService, RuntimeService runtimeService, TaskDeadlineRepository deadlines) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.deadlines = deadlines;
  }

  /** How many tasks a run reminded and escalated. */
  public record Result(int reminded, int escalated) {}

  /** Watches the open tasks of one district (the tenant the watch process runs in). */
  @Transactional
  public Result watchDistrict(String tenantId) {
    return watch(() -> taskService.createTaskQuery().tenantIdIn(tenantId));
  }

  /** Watches the open tasks of one process instance (for a stage that wants to check one case now). */
  @Transactional
  public Result watchInstance(String processInstanceId) {
    return watch(() -> taskService.createTaskQuery().processInstanceId(processInstanceId));
  }

  /** What the watch did to a task, in order. */
  @Transactional(readOnly = true)
  public List<TaskDeadline> recorded(String taskId) {
    return deadlines.findByTaskIdOrderByIdAsc(taskId);
  }

  private Result watch(java.util.function.Supplier<TaskQuery> scope) {
    Date now = Deadlines.now();
    int reminded = 0;
    for (Task task : candidates(scope.get().active().followUpBefore(now), DeadlineKind.REMINDED)) {
      record(task, DeadlineKind.REMINDED, task.getFollowUpDate());
      remind(task);
      reminded++;
    }
    int escalated = 0;
    for (Task task : candidates(scope.get().active().dueBefore(now), DeadlineKind.ESCALATED)) {
      if (escalable(task)) {
        record(task, DeadlineKind.ESCALATED, task.getDueDate());
        escalate(task);
        escalated++;
      }
    }
    return new Result(reminded, escalated);
  }

  /** The watched tasks of the query not yet recorded with {@code kind}, oldest first: one query per 500 tasks. */
  private List<Task> candidates(TaskQuery query, DeadlineKind kind) {
    List<Task> watched = query.orderByTaskCreateTime().asc().list().stream().filter(DeadlineWatch::watched).toList();
    Set<String> recorded = new HashSet<>();
    for (int from = 0; from < watched.size(); from += RECORDED_QUERY_SIZE) {
      List<String> ids = watched.subList(from, Math.min(watched.size(), from + RECORDED_QUERY_SIZE)).stream()
          .map(Task::getId).toList();
      recorded.addAll(deadlines.recordedTaskIds(kind, ids));
    }
    return watched.stream().filter(task -> !recorded.contains(task.getId())).toList();
  }

  /** Task ids per existence query (an IN list well below every database's limit). */
  private static final int RECORDED_QUERY_SIZE = 500;

  /** Only tasks of processes, and not the supervision tasks the watch itself opened. */
  private static boolean watched(Task task) {
    return task.getProcessInstanceId() != null && !Deadlines.TASK_SUPERVISE_OVERDUE.equals(task.getTaskDefinitionKey());
  }

  /** Whether the task's process has the 超期督办 sub-process to escalate to. */
  private boolean escalable(Task task) {
    boolean subscribed = runtimeService.createEventSubscriptionQuery().processInstanceId(task.getProcessInstanceId())
        .eventType("message").eventName(Deadlines.MESSAGE_TASK_OVERDUE).count() > 0;
    if (!subscribed) {
      log.warn("待办 {}（{}）已超期，但其流程没有“超期督办”事件子流程，未督办", task.getName(), task.getId());
    }
    return subscribed;
  }

  /**
   * Records the action (the candidates were checked against the records in one query); a run that overlaps
   * and records first makes this insert violate the key and the whole run roll back, as before.
   */
  private void record(Task task, DeadlineKind kind, Date deadline) {
    deadlines.saveAndFlush(new TaskDeadline(task.getId(), kind, task.getTenantId(), task.getProcessInstanceId(),
        task.getTaskDefinitionKey(), task.getName(), at(deadline), at(Deadlines.now())));
  }

  private void remind(Task task) {
    if (task.getPriority() < Deadlines.REMINDED_PRIORITY) {
      taskService.setPriority(task.getId(), Deadlines.REMINDED_PRIORITY);
    }
    String due = task.getDueDate() == null ? "" : "，办理期限 " + day(task.getDueDate());
    taskService.createComment(task.getId(), task.getProcessInstanceId(),
        "【催办】“" + task.getName() + "”即将到期" + due + "，请尽快办理。");
  }

  private void escalate(Task task) {
    runtimeService.createMessageCorrelation(Deadlines.MESSAGE_TASK_OVERDUE)
        .processInstanceId(task.getProcessInstanceId())
        .setVariablesLocal(Map.of(Deadlines.VAR_OVERDUE_TASK_ID, task.getId(),
            Deadlines.VAR_OVERDUE_TASK_NAME, task.getName()))
        .correlate();
  }

  private static OffsetDateTime at(Date date) {
    return date.toInstant().atZone(Deadlines.ZONE).toOffsetDateTime();
  }

  private static String day(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
    format.setTimeZone(TimeZone.getTimeZone(Deadlines.ZONE));
    return format.format(date);
  }
}
