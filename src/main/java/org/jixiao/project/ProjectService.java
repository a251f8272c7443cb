package org.jixiao.project;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jixiao.identity.Caller;
import org.jixiao.identity.Departments;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.InstanceAccess;
import org.jixiao.identity.Role;
import org.jixiao.stage.DimensionScores;
import org.jixiao.stage.Opinions;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.Stage;
import org.jixiao.stage.Subject;
import org.jixiao.stage.SubjectType;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project library: applications, opinions and listing. The engine and the domain tables share one
 * transaction, so an application either exists with its running process or not at all.
 */
@Service
public class ProjectService {

  /**
   * The process an application starts, in the project's district: the project-year lifecycle
   * (lifecycle.ProjectYearProcess), which calls the ex-ante assessment first; its business key is the project code.
   */
  static final String PROCESS_KEY = "Process_ProjectYear";
  /** Variables the application gives the process: the project's code, its department's group, the applicant, the year. */
  public static final String VAR_PROJECT_CODE = "projectCode";
  public static final String VAR_DEPARTMENT_GROUP = Departments.VAR_DEPARTMENT_GROUP;
  /** The group of the department's 主管部门 (the tree), candidate of every 初审 of the project. */
  public static final String VAR_SUPERVISING_DEPARTMENT_GROUP = Departments.VAR_SUPERVISING_DEPARTMENT_GROUP;
  public static final String VAR_APPLICANT = "applicant";
  public static final String VAR_BUDGET_YEAR = "budgetYear";
  /**
   * Display variables for Tasklist's cards and search, set once at the application (what they show does not change
   * afterwards) and handed to each stage's instance by the lifecycle's call activities; no task declares them, so
   * no completion or variable call of a user can write them (stage.TaskGuard).
   */
  public static final String VAR_PROJECT_NAME = "projectName";
  public static final String VAR_DEPARTMENT_NAME = "departmentName";
  /** The requested amount in 元 as text with two decimals and thousands separators ("6,000,000.00"): exact, for display only. */
  public static final String VAR_APPLY_AMOUNT = "applyAmount";
  /** The stage's name, given by each call activity of the lifecycle (事前绩效评估, 绩效目标审核, 运行监控). */
  public static final String VAR_STAGE_NAME = "stageName";

  private final ProjectRepository projects;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final InstanceAccess instanceAccess;
  private final IdentityNames names;
  private final List<FundingCondition> fundingConditions;
  private final ProjectCategories categories;
  private final Opinions opinions;
  private final Departments departments;

  ProjectService(ProjectRepository projects, RuntimeService runtimeService, IdentityService identityService,
      InstanceAccess instanceAccess, List<FundingCondition> fundingConditions,
      ProjectCategories categories, Opinions opinions, Departments departments) {
    this.projects = projects;
    this.departments = departments;
    this.opinions = opinions;
    this.fundingConditions = fundingConditions;
    this.categories = categories;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.instanceAccess = instanceAccess;
    this.names = new IdentityNames(identityService);
  }

  /** A budget unit applies for its own department in its own district; starts that district's process. */
  @Transactional
  public ProjectView apply(ApplyProjectRequest request, Caller caller) {
    if (!caller.isAdministrator()) {
      if (!caller.hasRole(Role.BUDGET_UNIT)) {
        throw ApiException.forbidden("只有预算单位可以申报项目");
      }
      if (!caller.worksIn(request.district())) {
        throw ApiException.forbidden("您不能为其他辖区申报项目：" + request.district());
      }
      if (!caller.belongsTo(request.department())) {
        throw ApiException.forbidden("您只能为本部门申报项目，不能代其他部门申报：" + request.department());
      }
    }
    if (identityService.createTenantQuery().tenantId(request.district()).count() == 0) {
      throw ApiException.badRequest("辖区不存在：" + request.district());
    }
    if (identityService.createGroupQuery().groupId(request.department()).groupType(Role.DEPARTMENT_TYPE)
        .memberOfTenant(request.district()).count() == 0) {
      throw ApiException.badRequest("部门不存在或不属于辖区 " + request.district() + "：" + request.department());
    }
    if (request.category() != null && !request.category().isBlank() && categories.nameOf(request.category().strip()) == null) {
      throw ApiException.badRequest("项目类别不存在：" + request.category() + "（可选类别见 /api/indicator-categories）");
    }
    if (projects.existsByCode(request.code())) {
      throw ApiException.conflict("项目编码已存在：" + request.code());
    }
    Project project = projects.save(new Project(request, caller.userId(), OffsetDateTime.now()));
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionTenantId(project.getDistrict())
        .businessKey(project.getCode())
        .setVariables(Map.of(
            VAR_PROJECT_CODE, project.getCode(),
            VAR_DEPARTMENT_GROUP, project.getDepartment(),
            VAR_SUPERVISING_DEPARTMENT_GROUP, departments.reviewerGroupOf(project.getDepartment()),
            VAR_APPLICANT, caller.userId(),
            VAR_BUDGET_YEAR, project.getBudgetYear(),
            VAR_PROJECT_NAME, project.getName(),
            VAR_DEPARTMENT_NAME, names.group(project.getDepartment()),
            VAR_APPLY_AMOUNT, amountText(project.getAmount())))
        .execute();
    project.startedAs(instance.getId());
    // the lifecycle and the stages it called on the way to its first wait state (the ex-ante assessment)
    instanceAccess.letDepartmentFollowWithCalled(instance.getId(), project.getDepartment());
    return view(project, caller);
  }

  /** 元 with two decimals and thousands separators, exact (no floating point). */
  static String amountText(java.math.BigDecimal amount) {
    return new java.text.DecimalFormat("#,##0.00").format(amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
  }

  /** The projects the caller applied for, newest first (Tasklist's 我发起的). */
  @Transactional(readOnly = true)
  public List<ProjectRef> appliedBy(Caller caller) {
    return projects.findTop200ByApplicantOrderByCreatedAtDesc(caller.userId()).stream()
        .filter(p -> mayRead(caller, p)).map(ProjectRef::of).toList();
  }

  @Transactional(readOnly = true)
  public boolean exists(String code) {
    return projects.existsByCode(code);
  }

  /** A project as the caller may see it: their district, and for a budget unit only its own department. */
  @Transactional(readOnly = true)
  public ProjectView find(String code, Caller caller) {
    return view(readable(code, caller), caller);
  }

  /** May the project be budgeted, procured and paid? Visible to whoever may read the project. */
  @Transactional(readOnly = true)
  public FundingEligibility fundingEligibility(String code, Caller caller) {
    return FundingEligibility.of(readable(code, caller), fundingConditions);
  }

  /** The project for another module's use (no caller check: the caller's own access rules apply). */
  @Transactional(readOnly = true)
  public ProjectRef reference(String code) {
    return ProjectRef.of(projects.findByCode(code).orElseThrow(() -> ApiException.notFound("项目不存在：" + code)));
  }

  /** Projects by id, for lists and exports. */
  @Transactional(readOnly = true)
  public Map<Long, ProjectRef> references(Collection<Long> ids) {
    Map<Long, ProjectRef> refs = new HashMap<>();
    projects.findAllById(ids).forEach(p -> refs.put(p.getId(), ProjectRef.of(p)));
    return refs;
  }

  /**
   * Projects by code, for bulk work (an execution-data import of thousands of rows): the codes found, in chunks
   * of 1,000 so that no database meets too long an IN list.
   */
  @Transactional(readOnly = true)
  public Map<String, ProjectRef> referencesByCode(Collection<String> codes) {
    Map<String, ProjectRef> refs = new HashMap<>();
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(codes));
    for (int from = 0; from < all.size(); from += 1000) {
      projects.findByCodeIn(all.subList(from, Math.min(all.size(), from + 1000)))
          .forEach(p -> refs.put(p.getCode(), ProjectRef.of(p)));
    }
    return refs;
  }

  /** The listed (入库) projects of a district and budget year: the year's project spending. */
  @Transactional(readOnly = true)
  public List<ProjectRef> listed(String district, int budgetYear) {
    return projects.findByDistrictAndBudgetYearAndStatusOrderByCodeAsc(district, budgetYear, ProjectStatus.LISTED)
        .stream().map(ProjectRef::of).toList();
  }

  /**
   * The projects a search finds, by code (for the project library page); the records, read-only outside this
   * package. The caller's own access rules (Caller.mayRead) are applied by whoever shows them.
   */
  @Transactional(readOnly = true)
  public List<Project> search(ProjectSearch search) {
    return projects.findAll(ProjectSearches.of(search), org.springframework.data.domain.Sort.by("code"));
  }

  /** Records an opinion given in a step of the process and moves the project to the status it implies. */
  @Transactional
  public void recordOpinion(String code, OpinionGiven opinion) {
    Project project = load(code);
    ProjectStatus next = switch (opinion.decision()) {
      case RETURN -> ProjectStatus.RETURNED;
      case RESUBMIT -> ProjectStatus.SUBMITTED;
      case WITHDRAW -> ProjectStatus.WITHDRAWN;
      case APPROVE, REJECT, BACK, SUBMIT, SUPERVISE, AGREE, DISAGREE, FEEDBACK, SUBMIT_GOALS,
          RESUBMIT_GOALS, REQUEST_ADJUSTMENT, SUBMIT_REPORT, SUBMIT_PLAN, DECIDE_RED_LIGHT -> project.getStatus();
    };
    opinions.record(new Opinions.Given(Stage.EX_ANTE, new Subject(SubjectType.PROJECT, project.getId(),
        project.getCode()), null, opinion.step(), opinion.stepName(), opinion.reviewer(), opinion.reviewerRole(),
        opinion.decision(), opinion.comment(), opinion.scores(), opinion.conclusion()));
    project.moveTo(next, OffsetDateTime.now());
  }

  /** 登记入库 */
  @Transactional
  public void list(String code) {
    load(code).moveTo(ProjectStatus.LISTED, OffsetDateTime.now());
  }

  /** The project-year lifecycle moves the project into another stage (its own steps call this). */
  @Transactional
  public void enterStage(String code, ProjectStage stage) {
    load(code).enter(stage, OffsetDateTime.now());
  }

  /** 不予入库 */
  @Transactional
  public void reject(String code) {
    load(code).moveTo(ProjectStatus.REJECTED, OffsetDateTime.now());
  }

  /** The project record, read-only outside this package (its changes go through this service); 404 if absent. */
  @Transactional(readOnly = true)
  public Project project(String code) {
    return projects.findByCode(code).orElseThrow(() -> ApiException.notFound("项目不存在：" + code));
  }

  /** Stores the rule results the district's tables gave for the project. */
  @Transactional
  public void applyRules(String code, RuleResults results) {
    load(code).applyRules(results, OffsetDateTime.now());
  }

  /** Stores the amount approved where budget review is merged (审定金额). */
  @Transactional
  public void approveAmount(String code, java.math.BigDecimal approved) {
    load(code).approveAmount(approved, OffsetDateTime.now());
  }

  /**
   * The project with the opinions the caller may see now (an expert of an open panel: not the other votes), and
   * its 主管部门: the one the application named, else the one of the department tree.
   */
  private ProjectView view(Project project, Caller caller) {
    String supervising = project.getSupervisingDepartment();
    if (supervising == null) {
      String reviewers = departments.reviewerGroupOf(project.getDepartment());
      supervising = Role.SUPERVISING_DEPARTMENT.groupId().equals(reviewers) ? null : names.group(reviewers);
    }
    return ProjectView.of(project, opinions.seenBy(SubjectType.PROJECT, project.getCode(), caller), names, supervising);
  }

  private Project load(String code) {
    return projects.findByCode(code)
        .orElseThrow(() -> new IllegalStateException("process refers to a project that does not exist: " + code));
  }

  /**
   * The project if it exists and the caller may read it; else 404, the same answer for another department's or
   * district's project as for a code that does not exist, so the answer does not tell which codes exist.
   */
  private Project readable(String code, Caller caller) {
    return projects.findByCode(code).filter(project -> mayRead(caller, project))
        .orElseThrow(() -> ApiException.notFound("项目不存在：" + code));
  }

  private static boolean mayRead(Caller caller, Project project) {
    return caller.mayRead(project.getDistrict(), project.getDepartment());
  }

  /** An opinion as a process step reports it; scores and conclusion where the step gives them. */
  public record OpinionGiven(String step, String stepName, String reviewer, String reviewerRole,
      ReviewDecision decision, String comment, DimensionScores scores, String conclusion) {

    public OpinionGiven(String step, String stepName, String reviewer, String reviewerRole,
        ReviewDecision decision, String comment) {
      this(step, stepName, reviewer, reviewerRole, decision, comment, null, null);
    }
  }
}
