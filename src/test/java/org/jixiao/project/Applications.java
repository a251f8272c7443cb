package org.jixiao.project;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.exante.ExAnteProcess;
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

  /**
   * A general policy of 6 million applied by qijiang-edu (Qijiang's rules require assessment) with its
   * self-assessment done; returns the review task of the supervising department.
   */
  public Task awaitingReview(String name) {
    String code = "T-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, name, "qijiang", "qijiang-education", ItemType.GENERAL_POLICY,
        new BigDecimal("6000000"), true), callers.of("qijiang-edu"));
    Task selfAssessment = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    taskService.complete(selfAssessment.getId(), Map.of("scoreNecessity", 90, "scoreEconomy", 80,
        "scoreGoalReasonableness", 80, "scoreFeasibility", 80, "scoreFinancingCompliance", 90,
        ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, "可行"));
    return taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
  }

  /** Applied and returned by the supervising department; returns the department's revision task. */
  public Task returnedForRevision(String name) {
    Task review = awaitingReview(name);
    taskService.complete(review.getId(), Map.of(ExAnteProcess.VAR_REVIEW_DECISION, "RETURN"));
    return taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
  }
}
