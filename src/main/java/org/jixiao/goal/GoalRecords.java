package org.jixiao.goal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.Stage;
import org.jixiao.stage.StageOpinion;
import org.jixiao.stage.Subject;
import org.jixiao.stage.SubjectType;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * What every part of goal management shares about a goal set's record: its opinions in the stage kit's one
 * opinion record, the views the API returns, and who may set a set's goals (谁申请资金，谁设定目标).
 */
@Component
class GoalRecords {

  /** Who acts when no person does (goal setting opened by a listing, an approval without an opinion). */
  static final String SYSTEM = "system";

  private final Opinions opinions;
  private final ProjectService projects;
  private final IdentityNames names;

  GoalRecords(Opinions opinions, ProjectService projects, IdentityService identityService) {
    this.opinions = opinions;
    this.projects = projects;
    this.names = new IdentityNames(identityService);
  }

  /** Records an opinion on a version of the set. */
  void record(GoalSet set, int versionNumber, GoalOpinion o) {
    StageOpinion recorded = opinions.record(new Opinions.Given(Stage.GOALS,
        new Subject(SubjectType.GOAL_SET, set.getId(), set.getCode()), versionNumber, o.step(), o.stepName(),
        o.reviewer(), o.reviewerRole(), o.decision(), o.comment(), null, null));
    set.opinionGiven(recorded.getGivenAt());
  }

  List<StageOpinion> opinionsOn(GoalSet set) {
    return opinions.ofSubject(SubjectType.GOAL_SET, set.getCode());
  }

  /** Who gave the latest opinion: the approver of an approval that follows it. */
  String lastReviewer(GoalSet set) {
    List<StageOpinion> given = opinionsOn(set);
    return given.isEmpty() ? SYSTEM : given.get(given.size() - 1).getActor();
  }

  GoalSetView view(GoalSet set) {
    return GoalSetView.of(set, project(set), opinionsOn(set), names);
  }

  GoalSetView view(GoalSet set, ProjectRef project) {
    return GoalSetView.of(set, project, opinionsOn(set), names);
  }

  /** Views of many sets, their projects read at once. */
  List<GoalSetView> views(List<GoalSet> sets) {
    Map<Long, ProjectRef> refs = projects.references(sets.stream().map(GoalSet::getProjectId)
        .filter(id -> id != null).toList());
    return sets.stream().map(s -> view(s, refs.get(s.getProjectId()))).toList();
  }

  /** The project's code, for a project's goals; null for a department's whole budget. */
  String projectCodeOf(GoalSet set) {
    ProjectRef project = project(set);
    return project == null ? null : project.code();
  }

  private ProjectRef project(GoalSet set) {
    return set.getProjectId() == null ? null
        : projects.references(List.of(set.getProjectId())).get(set.getProjectId());
  }

  /** 谁申请资金，谁设定目标: only the department's own budget unit (or an administrator) sets or adjusts its goals. */
  static void mayDraft(Caller caller, String district, String department) {
    if (caller.isAdministrator()) {
      return;
    }
    if (!caller.hasRole(Role.BUDGET_UNIT) || !caller.worksIn(district) || !caller.belongsTo(department)) {
      throw ApiException.forbidden("谁申请资金，谁设定目标：只有本部门的预算单位可以设定或调整其绩效目标");
    }
  }
}
