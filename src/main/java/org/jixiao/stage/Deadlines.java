package org.jixiao.stage;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jixiao.district.District;

/**
 * The deadline mechanism every stage shares: names of the variables a stage's settings table provides, of
 * the 超期督办 event sub-process each model carries, and of the deadline watch ({@code
 * processes/deadline-watch.bpmn}).
 *
 * <p>On creation every user task gets its due date after {@link #VAR_TASK_DUE_DURATION} and its follow-up
 * (催办) date after {@link #VAR_REMINDER_DURATION} ({@link TaskDeadlineListener}). The watch reminds a task
 * once its follow-up date has passed and escalates it once its due date has passed, by correlating
 * {@link #MESSAGE_TASK_OVERDUE} to the task's process instance ({@link DeadlineWatch}).
 */
public final class Deadlines {

  /** ISO 8601 duration (P10D, PT36H) after which a task is due; from the district's settings table. */
  public static final String VAR_TASK_DUE_DURATION = "taskDueDuration";
  /** ISO 8601 duration after which a task is reminded (催办); from the district's settings table. */
  public static final String VAR_REMINDER_DURATION = "reminderDuration";

  /** The message that starts a model's 超期督办 event sub-process. */
  public static final String MESSAGE_TASK_OVERDUE = "TaskOverdue";
  public static final String SUBPROCESS_SUPERVISE_OVERDUE = "SubProcess_SuperviseOverdue";
  public static final String START_TASK_OVERDUE = "StartEvent_TaskOverdue";
  /** The supervision task (督办超期事项) of the finance performance section; never reminded or escalated itself. */
  public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdue";
  public static final String END_OVERDUE_SUPERVISED = "EndEvent_OverdueSupervised";
  /** Local to the event sub-process: the overdue task's id and name. */
  public static final String VAR_OVERDUE_TASK_ID = "overdueTaskId";
  public static final String VAR_OVERDUE_TASK_NAME = "overdueTaskName";

  /** The watch: one per district (tenant), started by its timer. */
  public static final String WATCH_KEY = "Process_WatchDeadlines";
  public static final String START_WATCH_TIMER = "StartEvent_WatchTimer";
  public static final String TASK_WATCH_DEADLINES = "Task_WatchDeadlines";
  public static final String END_DEADLINES_WATCHED = "EndEvent_DeadlinesWatched";
  /** Written by Task_WatchDeadlines: how many tasks this run reminded and escalated. */
  public static final String VAR_REMINDED_TASKS = "remindedTasks";
  public static final String VAR_ESCALATED_TASKS = "escalatedTasks";

  /** Priority a reminded task rises to (Camunda's default is 50). */
  public static final int REMINDED_PRIORITY = 80;

  /** Dates are counted in the districts' time zone: P1D ends at the same wall-clock time the next day. */
  static final ZoneId ZONE = District.TIME_ZONE;

  private Deadlines() {}

  /** The engine's clock (tests move it with ClockUtil), so due dates and the watch agree with timers. */
  static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** {@code from} plus an ISO 8601 duration: a period of days (P10D) or a time (PT36H, P1DT12H). */
  static Date plus(Date from, String isoDuration) {
    try {
      var start = from.toInstant().atZone(ZONE);
      var end = isoDuration.contains("T") ? start.plus(Duration.parse(isoDuration)) : start.plus(Period.parse(isoDuration));
      return Date.from(end.toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("期限设置不是 ISO 8601 时长（如 P10D）：" + isoDuration, e);
    }
  }
}
