package org.jixiao.project;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.identity.CallerLookup;
import org.springframework.stereotype.Component;

/** Test fixture: projects of Qijiang's education department in a given state, through the real service. */
@Component
public class Applications {

  private final ProjectService projects;
  private final TaskService taskService;
  private final CallerLookup callers;

  Applications(ProjectService projects, TaskService taskService, CallerLookup callers) {
    this.projects = projects;
    this.taskService = taskService;
    this.callers = callers;
  }

  /** Applied by qijiang-edu; returns the review task of the supervising department. */
  public Task awaitingReview(String name) {
    String code = "T-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, name, "qijiang", "qijiang-education", ItemType.DEPARTMENT_PROJECT, new BigDecimal("1200000"), false), callers.of("qijiang-edu"));
    return taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
  }

  /** Applied and returned by the supervising department; returns the department's revision task. */
  public Task returnedForRevision(String name) {
    Task review = awaitingReview(name);
    taskService.complete(review.getId(), Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "RETURN"));
    return taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
  }
}
