package org.jixiao.exante;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.Role;
import org.jixiao.stage.OpinionScreen;
import org.jixiao.stage.StageOpinion;
import org.jixiao.stage.SubjectType;
import org.springframework.stereotype.Component;

/**
 * 独立论证: while a project's expert panel is open (a seat of 专家论证 is still to be done), an expert reads the
 * project, the applicant's and the reviewers' opinions and their own vote, but not the other votes of the open
 * round. Once every seat is done the panel is closed and everyone who may read the project sees every vote.
 * Earlier rounds' panels are closed.
 */
@Component
class ExpertVoteScreen implements OpinionScreen {

  private final TaskService taskService;

  ExpertVoteScreen(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public List<StageOpinion> visible(SubjectType type, String code, List<StageOpinion> opinions, Caller viewer) {
    if (type != SubjectType.PROJECT || viewer.isAdministrator() || !viewer.hasRole(Role.EXPERT)
        || !panelOpen(code)) {
      return opinions;
    }
    int roundStart = 0;
    for (int i = 0; i < opinions.size(); i++) {
      if (ExAnteProcess.TASK_REASSESS.equals(opinions.get(i).getStep())) {
        roundStart = i + 1;
      }
    }
    List<StageOpinion> visible = new ArrayList<>(opinions.subList(0, roundStart));
    for (StageOpinion o : opinions.subList(roundStart, opinions.size())) {
      if (!ExAnteProcess.TASK_EXPERT_REVIEW.equals(o.getStep()) || viewer.userId().equals(o.getActor())) {
        visible.add(o);
      }
    }
    return visible;
  }

  /** Whether a seat of the project's current panel is still open (read as the system: the viewer's own seats may be done). */
  private boolean panelOpen(String code) {
    return taskService.createTaskQuery().processDefinitionKey(ExAnteProcess.KEY).processInstanceBusinessKey(code)
        .taskDefinitionKey(ExAnteProcess.TASK_EXPERT_REVIEW).count() > 0;
  }
}
