package org.jixiao.goal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.InstanceAccess;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStatus;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.Stage;
import org.jixiao.stage.StageOpinion;
import org.jixiao.stage.Subject;
import org.jixiao.stage.SubjectType;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance goals (绩效目标管理): opening goal setting, versions submitted and revised, opinions, the
 * finance rounds, 批复, reopening after 抽审, and adjustments during execution. Engine and domain tables share
 * one transaction: a refused submission stores nothing and leaves the task open.
 */
@Service
public class GoalService {

  /** Who opened goal setting when the listing of a project opened it. */
  static final String SYSTEM = "system";

  private final GoalSetRepository sets;
  private final ProjectService projects;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final IdentityService identityService;
  private final InstanceAccess instanceAccess;
  private final GoalRules rules;
  private final ObjectMapper json;
  private final IdentityNames names;
  private final CallerLookup callers;
  private final Opinions opinions;

  GoalService(GoalSetRepository sets, ProjectService projects, RuntimeService runtimeService,
      DecisionService decisionService, IdentityService identityService, InstanceAccess instanceAccess,
      GoalRules rules, ObjectMapper json, CallerLookup callers, Opinions opinions) {
    this.callers = callers;
    this.opinions = opinions;
    this.sets = sets;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.identityService = identityService;
    this.instanceAccess = instanceAccess;
    this.rules = rules;
    this.json = json;
    this.names = new IdentityNames(identityService);
  }

  /**
   * A listed project gets goals (开启绩效目标编制, a step of the project-year lifecycle): the goal set of its
   * budget year, without a process; the lifecycle then calls goal review with the code returned.
   */
  @Transactional
  public String openForListedProject(String projectCode) {
    ProjectRef project = projects.reference(projectCode);
    if (project.status() != ProjectStatus.LISTED) {
      throw new IllegalStateException("goal setting opened for a project that is not listed: " + projectCode);
    }
    String code = codeOf(project.code(), project.budgetYear());
    if (sets.existsByCode(code)) {
      throw new IllegalStateException("goal setting opened twice for " + code);
    }
    sets.save(new GoalSet(code, GoalSubject.PROJECT, project.id(), project.district(), project.department(),
        project.budgetYear(), project.budgetAmount(), SYSTEM, OffsetDateTime.now()));
    return code;
  }

  /**
   * Goal review started for the set, however it was started (by {@link #open}, or called by the lifecycle):
   * the set knows its instance, and its department follows it.
   */
  @Transactional
  public void reviewStarted(String code, String processInstanceId) {
    GoalSet set = load(code);
    set.startedAs(processInstanceId);
    instanceAccess.letDepartmentFollow(processInstanceId, set.getDepartment());
  }

  /** Goal setting a unit opens itself: a further year of a listed project, or its department's whole budget. */
  @Transactional
  public GoalSetView open(OpenGoalSetRequest request, Caller caller) {
    GoalSet set;
    ProjectRef project = null;
    if (request.projectCode() != null && !request.projectCode().isBlank()) {
      project = projects.reference(request.projectCode().strip());
      mayDraft(caller, project.district(), project.department());
      if (project.status() != ProjectStatus.LISTED) {
        throw ApiException.conflict("项目尚未入库，不能设定绩效目标（当前：" + project.status().label() + "）");
      }
      int year = request.budgetYear() != null ? request.budgetYear() : project.budgetYear();
      set = new GoalSet(codeOf(project.code(), year), GoalSubject.PROJECT, project.id(), project.district(),
          project.department(), year, project.budgetAmount(), caller.userId(), OffsetDateTime.now());
    } else {
      if (isBlank(request.district()) || isBlank(request.department()) || request.budgetYear() == null
          || request.budgetAmount() == null) {
        throw ApiException.badRequest("部门整体绩效目标须填写辖区、部门、预算年度和预算金额；项目绩效目标须填写项目编码");
      }
      mayDraft(caller, request.district(), request.department());
      if (identityService.createGroupQuery().groupId(request.department()).groupType(Role.DEPARTMENT_TYPE)
          .memberOfTenant(request.district()).count() == 0) {
        throw ApiException.badRequest("部门不存在或不属于辖区 " + request.district() + "：" + request.department());
      }
      set = new GoalSet(codeOf(request.department(), request.budgetYear()), GoalSubject.DEPARTMENT, null,
          request.district(), request.department(), request.budgetYear(), request.budgetAmount(), caller.userId(),
          OffsetDateTime.now());
    }
    if (sets.existsByCode(set.getCode())) {
      throw ApiException.conflict("该预算年度的绩效目标已存在：" + set.getCode());
    }
    GoalSet started = start(set, project == null ? null : project.code());
    return GoalSetView.of(started, project, opinionsOn(started), names);
  }

  private GoalSet start(GoalSet set, String projectCode) {
    sets.save(set);
    Map<String, Object> variables = new HashMap<>();
    variables.put(GoalReviewProcess.VAR_GOAL_SET_CODE, set.getCode());
    variables.put(GoalReviewProcess.VAR_PROJECT_CODE, projectCode);
    variables.put(GoalReviewProcess.VAR_DEPARTMENT_GROUP, set.getDepartment());
    variables.put(GoalReviewProcess.VAR_BUDGET_YEAR, set.getBudgetYear());
    // its start records the instance with the set (reviewStarted)
    runtimeService.createProcessInstanceByKey(GoalReviewProcess.KEY)
        .processDefinitionTenantId(set.getDistrict())
        .businessKey(set.getCode())
        .setVariables(variables)
        .execute();
    return set;
  }

  /** The district's goal review settings (Decision_GoalReviewSettings) as process variables. */
  @Transactional(readOnly = true)
  public Map<String, Object> settings(String code) {
    GoalSet set = load(code);
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(GoalReviewProcess.DECISION_SETTINGS)
        .decisionDefinitionTenantId(set.getDistrict())
        .variables(Map.of("subject", set.getSubject().name(), "budgetAmount", set.getBudgetAmount()))
        .evaluate()
        .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("Decision_GoalReviewSettings of " + set.getDistrict() + " has no rule for " + code);
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : List.of(GoalReviewProcess.VAR_FINANCE_ROUNDS, GoalReviewProcess.VAR_SAMPLING_PERCENT,
        GoalReviewProcess.VAR_TASK_DUE_DURATION, GoalReviewProcess.VAR_REMINDER_DURATION)) {
      Object value = result.getEntry(name);
      if (value == null) {
        throw new IllegalStateException("Decision_GoalReviewSettings of " + set.getDistrict() + " gives no " + name);
      }
      variables.put(name, value instanceof Number n && !(value instanceof BigDecimal) ? n.intValue() : value);
    }
    variables.put(GoalReviewProcess.VAR_SAMPLING_APPLIES,
        ((Number) variables.get(GoalReviewProcess.VAR_SAMPLING_PERCENT)).intValue() > 0);
    return variables;
  }

  /**
   * The unit hands in its goals (一上) or their revision (二上 and later), as the form wrote them (null when
   * it gave none): checked against {@link GoalRules}, stored as a new version, recorded with the unit's note.
   */
  @Transactional
  public void submit(String code, GoalDraft draft, Opinion opinion) {
    rules.check(required(draft));
    GoalSet set = load(code);
    GoalVersion version = set.submit(draft, opinion.reviewer(), OffsetDateTime.now());
    record(set, version.getNumber(), opinion.withDecision(
        version.getKind() == GoalVersionKind.SUBMISSION ? ReviewDecision.SUBMIT_GOALS : ReviewDecision.RESUBMIT_GOALS));
  }

  /** A reviewer's opinion on the latest version; a return or the 一下 feedback sends it back to the unit. */
  @Transactional
  public void review(String code, Opinion opinion) {
    GoalSet set = load(code);
    GoalVersion latest = set.latest().orElseThrow(() -> new IllegalStateException("no goals submitted: " + code));
    record(set, latest.getNumber(), opinion);
    if (opinion.decision() == ReviewDecision.RETURN || opinion.decision() == ReviewDecision.FEEDBACK) {
      set.returnLatest(opinion.reviewer(), OffsetDateTime.now());
    }
  }

  /** An opinion that leaves the goals as they are (抽审 confirmed or reopened: the service tasks act on it). */
  @Transactional
  public void note(String code, Opinion opinion) {
    GoalSet set = load(code);
    record(set, set.latest().map(GoalVersion::getNumber).orElse(0), opinion);
  }

  /** The finance bureau takes the goals up again: the round's number, and whether it only gives opinions (一下). */
  @Transactional
  public Map<String, Object> startFinanceRound(String code, int financeRounds) {
    int round = load(code).nextFinanceRound(OffsetDateTime.now());
    return Map.of(GoalReviewProcess.VAR_FINANCE_ROUND, round, GoalReviewProcess.VAR_OPINION_ROUND, round < financeRounds);
  }

  /** 批复: the latest version is approved by the reviewer who decided so; an earlier approved one is superseded. */
  @Transactional
  public void approve(String code) {
    GoalSet set = load(code);
    set.approveLatest(lastReviewer(set), OffsetDateTime.now());
  }

  /**
   * 抽审 reopened the approved goals for revision. Once re-checked, the goal set is not drawn again this
   * year: the variables say so for the approval that follows the revision.
   */
  @Transactional
  public Map<String, Object> reopen(String code) {
    load(code).reopen(OffsetDateTime.now());
    return Map.of(GoalReviewProcess.VAR_SAMPLING_APPLIES, false);
  }

  /**
   * A unit asks over the API to change its approved goals during execution: checked here (so that a refusal
   * answers 403/409/400 before anything starts), then {@code Process_GoalAdjustment} starts as if from
   * Tasklist's start form, and its first step registers the request ({@link #registerAdjustment}).
   */
  @Transactional
  public GoalSetView requestAdjustment(String code, AdjustmentRequest request, Caller caller) {
    GoalSet set = sets.findByCode(code).orElseThrow(() -> ApiException.notFound("绩效目标不存在：" + code));
    mayDraft(caller, set.getDistrict(), set.getDepartment());
    rules.check(request.goals());
    set.checkAdjustment(request.goals());
    Map<String, Object> variables = new HashMap<>();
    variables.put(GoalReviewProcess.VAR_GOAL_SET_CODE, set.getCode());
    variables.put(GoalReviewProcess.VAR_GOAL_DRAFT, SpinValues.jsonValue(toJson(request.goals())).create());
    variables.put(GoalReviewProcess.VAR_ADJUSTMENT_REASON, request.reason());
    variables.put(GoalReviewProcess.VAR_APPLICANT, caller.userId());
    runtimeService.createProcessInstanceByKey(GoalReviewProcess.ADJUSTMENT_KEY)
        .processDefinitionTenantId(set.getDistrict())
        .businessKey(set.getCode())
        .setVariables(variables)
        .execute();
    return view(set);
  }

  /**
   * 登记调整申请 (the adjustment process's first step, however it was started): the applicant must be the
   * goal set's budget unit, the goals approved, the new goals keep the rules and a reason is given; the
   * request becomes a new version (执行中调整). Returns the variables the process goes on with.
   */
  @Transactional
  public Map<String, Object> registerAdjustment(String code, GoalDraft draft, Object reason, String applicant,
      String processInstanceId) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("请选择要调整的绩效目标");
    }
    GoalSet set = sets.findByCode(code.strip()).orElseThrow(() -> new InvalidInputException("绩效目标不存在：" + code));
    mayDraft(callers.of(applicant), set.getDistrict(), set.getDepartment());
    String why = reason == null ? "" : reason.toString().strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw new InvalidInputException("请说明调整绩效目标的原因（不超过 1000 个字）");
    }
    rules.check(required(draft));
    GoalVersion version = set.requestAdjustment(draft, why, applicant, OffsetDateTime.now());
    record(set, version.getNumber(), new Opinion("Request_GoalAdjustment", "申请调整绩效目标", applicant,
        Role.BUDGET_UNIT.groupId(), ReviewDecision.REQUEST_ADJUSTMENT, why));
    instanceAccess.letDepartmentFollow(processInstanceId, set.getDepartment());
    Map<String, Object> variables = new HashMap<>();
    variables.put(GoalReviewProcess.VAR_GOAL_SET_CODE, set.getCode());
    variables.put(GoalReviewProcess.VAR_PROJECT_CODE, projectCodeOf(set));
    variables.put(GoalReviewProcess.VAR_DEPARTMENT_GROUP, set.getDepartment());
    variables.put(GoalReviewProcess.VAR_BUDGET_YEAR, set.getBudgetYear());
    variables.put(GoalReviewProcess.VAR_ADJUSTMENT_VERSION, version.getNumber());
    return variables;
  }

  /** The caller's department's approved goal sets: what a unit may ask to adjust. */
  @Transactional(readOnly = true)
  public List<GoalSetView> adjustable(Caller caller) {
    List<GoalSet> found = sets.findByDepartmentInAndStatusOrderByCodeAsc(caller.departments(), GoalSetStatus.APPROVED)
        .stream().filter(s -> caller.worksIn(s.getDistrict())).toList();
    Map<Long, ProjectRef> refs = projects.references(found.stream().map(GoalSet::getProjectId)
        .filter(id -> id != null).toList());
    return found.stream().map(s -> GoalSetView.of(s, refs.get(s.getProjectId()), opinionsOn(s), names)).toList();
  }

  /** 重新审定批复: the adjustment becomes the approved version; the one before stays in the history. */
  @Transactional
  public void approveAdjustment(String code) {
    GoalSet set = load(code);
    set.approveLatest(lastReviewer(set), OffsetDateTime.now());
  }

  /** 不予调整: the approved version stays in force. */
  @Transactional
  public void refuseAdjustment(String code) {
    GoalSet set = load(code);
    set.refuseAdjustment(lastReviewer(set), OffsetDateTime.now());
  }

  @Transactional(readOnly = true)
  public GoalSetView find(String code, Caller caller) {
    GoalSet set = sets.findByCode(code).orElseThrow(() -> ApiException.notFound("绩效目标不存在：" + code));
    if (!caller.mayRead(set.getDistrict(), set.getDepartment())) {
      throw ApiException.forbidden("您无权查看该绩效目标：" + code);
    }
    return view(set);
  }

  /** The goal sets of a district and year the caller may read. */
  @Transactional(readOnly = true)
  public List<GoalSetView> list(String district, int budgetYear, Caller caller) {
    if (!caller.worksIn(district)) {
      throw ApiException.forbidden("您无权查看其他辖区的绩效目标：" + district);
    }
    List<GoalSet> found = sets.findByDistrictAndBudgetYearOrderByCodeAsc(district, budgetYear).stream()
        .filter(s -> caller.mayRead(s.getDistrict(), s.getDepartment())).toList();
    Map<Long, ProjectRef> refs = projects.references(found.stream().map(GoalSet::getProjectId)
        .filter(id -> id != null).toList());
    return found.stream().map(s -> GoalSetView.of(s, refs.get(s.getProjectId()), opinionsOn(s), names)).toList();
  }

  private GoalSetView view(GoalSet set) {
    ProjectRef project = set.getProjectId() == null ? null
        : projects.references(List.of(set.getProjectId())).get(set.getProjectId());
    return GoalSetView.of(set, project, opinionsOn(set), names);
  }

  private String projectCodeOf(GoalSet set) {
    return set.getProjectId() == null ? null
        : projects.references(List.of(set.getProjectId())).get(set.getProjectId()).code();
  }

  private void record(GoalSet set, int versionNumber, Opinion o) {
    StageOpinion recorded = opinions.record(new Opinions.Given(Stage.GOALS,
        new Subject(SubjectType.GOAL_SET, set.getId(), set.getCode()), versionNumber, o.step(), o.stepName(),
        o.reviewer(), o.reviewerRole(), o.decision(), o.comment(), null, null));
    set.opinionGiven(recorded.getGivenAt());
  }

  private List<StageOpinion> opinionsOn(GoalSet set) {
    return opinions.ofSubject(SubjectType.GOAL_SET, set.getCode());
  }

  private String lastReviewer(GoalSet set) {
    List<StageOpinion> given = opinionsOn(set);
    return given.isEmpty() ? SYSTEM : given.get(given.size() - 1).getActor();
  }

  private String toJson(GoalDraft draft) {
    try {
      return json.writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("goals that passed the rules could not be written as JSON", e);
    }
  }

  private static GoalDraft required(GoalDraft draft) {
    if (draft == null) {
      throw new InvalidInputException("请填写绩效目标（总体目标和绩效指标）");
    }
    return draft;
  }

  private static void mayDraft(Caller caller, String district, String department) {
    if (caller.isAdministrator()) {
      return;
    }
    if (!caller.hasRole(Role.BUDGET_UNIT) || !caller.worksIn(district) || !caller.belongsTo(department)) {
      throw ApiException.forbidden("谁申请资金，谁设定目标：只有本部门的预算单位可以设定或调整其绩效目标");
    }
  }

  private GoalSet load(String code) {
    return sets.findByCode(code)
        .orElseThrow(() -> new IllegalStateException("process refers to a goal set that does not exist: " + code));
  }

  static String codeOf(String owner, int budgetYear) {
    return owner + "-" + budgetYear;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** An opinion as a process step reports it. */
  public record Opinion(String step, String stepName, String reviewer, String reviewerRole, ReviewDecision decision,
      String comment) {

    Opinion withDecision(ReviewDecision newDecision) {
      return new Opinion(step, stepName, reviewer, reviewerRole, newDecision, comment);
    }
  }
}
