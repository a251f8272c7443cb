package org.jixiao.stage;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every stage its due date and follow-up (催办) date when it is created, from the
 * process's {@link Deadlines#VAR_TASK_DUE_DURATION} and {@link Deadlines#VAR_REMINDER_DURATION}. The Camunda
 * Spring Boot starter publishes each task event as a Spring event (camunda.bpm.eventing.task, on by
 * default), so no model names a listener. A task of a process without these settings gets no dates.
 */
@Component
class TaskDeadlineListener {

  @EventListener
  void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    Date now = Deadlines.now();
    String due = duration(task, Deadlines.VAR_TASK_DUE_DURATION);
    if (due != null) {
      task.setDueDate(Deadlines.plus(now, due));
    }
    String reminder = duration(task, Deadlines.VAR_REMINDER_DURATION);
    if (reminder != null) {
      task.setFollowUpDate(Deadlines.plus(now, reminder));
    }
  }

  private static String duration(DelegateTask task, String name) {
    String text = ProcessVariables.of(task).optionalString(name).orElse(null);
    if (text != null && text.isBlank()) {
      throw new IllegalStateException("流程变量 " + name + " 应为 ISO 8601 时长文本，实际为空");
    }
    return text == null ? null : text.strip();
  }
}
