package org.jixiao.workplace;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.goal.GoalQueries;
import org.jixiao.goal.GoalSetView;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.monitoring.MonitoringQueries;
import org.jixiao.monitoring.MonitoringView;
import org.jixiao.project.Project;
import org.jixiao.project.ProjectSearch;
import org.jixiao.project.ProjectService;
import org.jixiao.project.ProjectStage;
import org.jixiao.project.ProjectStatus;
import org.jixiao.project.ProjectView;
import org.jixiao.stage.ReviewDecision;
import org.jixiao.stage.Stage;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project library page (项目库): search and export of the projects the caller may read, and a project's page
 * with everything every stage recorded about it. Who reads what is {@link Caller#mayRead}'s answer, asked for every
 * project; the stages' own queries answer for their records.
 */
@Service
public class ProjectLibrary {

  /** The export's cap: a larger list is narrowed down first. */
  static final int MAX_EXPORT = 10_000;
  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
  static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";
  static final String API = "/api/library/projects/";

  private final ProjectService projects;
  private final GoalQueries goals;
  private final MonitoringQueries monitoring;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TaskService taskService;

  ProjectLibrary(ProjectService projects, GoalQueries goals, MonitoringQueries monitoring,
      IdentityService identityService, AuthorizationService authorizationService, TaskService taskService) {
    this.projects = projects;
    this.goals = goals;
    this.monitoring = monitoring;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.taskService = taskService;
  }

  /** A page of the list: how many projects match, and this page's rows. */
  public record Result(long total, int page, int size, int pages, String sort, List<LibraryRow> rows) {}

  /** What the page's filters offer the caller: their districts, the departments they may read, the codes' labels. */
  public record Options(List<Choice> districts, List<DepartmentChoice> departments, List<Choice> statuses,
      List<Choice> stages, String user, String userName, List<String> roles) {}

  public record Choice(String value, String label) {}

  public record DepartmentChoice(String value, String label, String district) {}

  @Transactional(readOnly = true)
  public Options options(Caller caller) {
    Names names = new Names(identityService);
    List<Choice> districts = districtsOf(caller).stream().map(d -> new Choice(d, names.district(d))).toList();
    List<DepartmentChoice> departments = new ArrayList<>();
    for (Choice district : districts) {
      identityService.createGroupQuery().groupType(Role.DEPARTMENT_TYPE).memberOfTenant(district.value())
          .orderByGroupId().asc().list().stream()
          .filter(g -> caller.mayRead(district.value(), g.getId()))
          .forEach(g -> departments.add(new DepartmentChoice(g.getId(), label(g), district.value())));
    }
    List<String> roles = caller.groupIds().stream().flatMap(g -> Role.ofGroup(g).stream()).map(Role::chineseName)
        .toList();
    return new Options(districts, departments,
        java.util.Arrays.stream(ProjectStatus.values()).map(s -> new Choice(s.name(), s.label())).toList(),
        java.util.Arrays.stream(ProjectStage.values()).map(s -> new Choice(s.name(), s.label())).toList(),
        caller.userId(), names.user(caller.userId()), roles);
  }

  @Transactional(readOnly = true)
  public Result search(LibraryFilter filter, Caller caller) {
    List<LibraryRow> all = rows(filter, caller);
    int pages = (all.size() + filter.size() - 1) / filter.size();
    int from = (int) Math.min((long) filter.page() * filter.size(), all.size());
    int to = Math.min(from + filter.size(), all.size());
    return new Result(all.size(), filter.page(), filter.size(), pages, filter.sort().parameter(),
        List.copyOf(all.subList(from, to)));
  }

  /** Every project that matches, in the filter's order (no paging), for the export. */
  @Transactional(readOnly = true)
  public List<LibraryRow> rows(LibraryFilter filter, Caller caller) {
    Set<String> own = districtsOf(caller);
    Set<String> districts = own;
    if (filter.district() != null) {
      if (!districts.contains(filter.district())) {
        // a district the caller does not work in reads as one that does not exist
        throw ApiException.badRequest("辖区不存在：" + filter.district());
      }
      districts = Set.of(filter.district());
    }
    if (filter.department() != null && identityService.createGroupQuery().groupId(filter.department())
        .groupType(Role.DEPARTMENT_TYPE).list().stream().noneMatch(g -> inAnyOf(g, own))) {
      throw ApiException.badRequest("部门不存在：" + filter.department());
    }
    if (districts.isEmpty()) {
      // a user in no district reads nothing
      return List.of();
    }
    List<Project> found = projects.search(new ProjectSearch(districts, filter.department(), filter.status(),
        filter.stage(), filter.year(), filter.minAmount(), filter.maxAmount(), filter.text()));
    Names names = new Names(identityService);
    return found.stream()
        .filter(p -> caller.mayRead(p.getDistrict(), p.getDepartment()))
        .sorted(order(filter.sort()))
        .map(p -> row(p, names))
        .toList();
  }

  /** The filtered list as an .xlsx workbook with Chinese headers; amounts are numbers (元), not text. */
  public void export(List<LibraryRow> rows, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "jixiao", "1.0");
    Worksheet sheet = workbook.newWorksheet("项目库");
    String[] headers = {"项目编码", "项目名称", "所属辖区", "预算单位", "项目类型", "项目状态", "所处阶段", "预算年度",
        "申报金额（元）", "审定金额（元）", "申报人", "最近更新"};
    for (int c = 0; c < headers.length; c++) {
      sheet.value(0, c, headers[c]);
      sheet.style(0, c).bold().fillColor("DDEBF7").set();
    }
    int r = 1;
    for (LibraryRow row : rows) {
      sheet.value(r, 0, row.code());
      sheet.value(r, 1, row.name());
      sheet.value(r, 2, row.districtName());
      sheet.value(r, 3, row.departmentName());
      sheet.value(r, 4, row.itemTypeLabel());
      sheet.value(r, 5, row.statusLabel());
      sheet.value(r, 6, row.stageLabel());
      sheet.value(r, 7, row.budgetYear());
      sheet.value(r, 8, row.amount());
      sheet.style(r, 8).format("#,##0.00").set();
      if (row.approvedAmount() != null) {
        sheet.value(r, 9, row.approvedAmount());
        sheet.style(r, 9).format("#,##0.00").set();
      }
      sheet.value(r, 10, row.applicant());
      sheet.value(r, 11, row.updatedAt() == null ? "" : ApprovalRecords.time(row.updatedAt()));
      r++;
    }
    int[] widths = {22, 36, 12, 28, 16, 18, 22, 10, 18, 18, 16, 18};
    for (int c = 0; c < widths.length; c++) {
      sheet.width(c, widths[c]);
    }
    sheet.freezePane(0, 1);
    workbook.finish();
  }

  /** The project's page; 404 with the same message as an unknown code where the caller may not read it. */
  @Transactional(readOnly = true)
  public ProjectPage page(String code, Caller caller) {
    ProjectView project = projects.find(code, caller);
    Long projectId = projects.reference(code).id();
    List<GoalSetView> goalSets = goals.ofProject(projectId, caller);
    List<MonitoringView> years = monitoring.years(code, caller);
    Names names = new Names(identityService);
    List<ProjectPage.OpinionLine> opinions = opinions(project, goalSets, years, names);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(code);
    goalSets.forEach(g -> keys.add(g.code()));
    years.forEach(m -> keys.add(m.code()));
    List<ProjectPage.OpenTask> tasks = taskService.createTaskQuery().processInstanceBusinessKeyIn(
            keys.toArray(String[]::new)).orderByTaskCreateTime().asc().list().stream()
        .map(t -> task(t, names)).toList();
    String cockpit = project.processInstanceId() != null && mayUseCockpit(caller)
        ? COCKPIT + project.processInstanceId() : null;
    List<ProjectPage.ApprovalRecordLink> records = new ArrayList<>();
    records.add(link(code, ApprovalRecords.RecordStage.EX_ANTE));
    if (!goalSets.isEmpty()) {
      records.add(link(code, ApprovalRecords.RecordStage.GOALS));
    }
    if (!years.isEmpty()) {
      records.add(link(code, ApprovalRecords.RecordStage.MONITORING));
    }
    return new ProjectPage(project, names.district(project.district()), names.user(project.applicant()),
        projects.fundingEligibility(code, caller),
        goalSets, years, opinions, tasks, cockpit, List.copyOf(records));
  }

  private static ProjectPage.ApprovalRecordLink link(String code, ApprovalRecords.RecordStage stage) {
    return new ProjectPage.ApprovalRecordLink(stage.slug(), stage.stage().label(),
        API + org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8)
            + "/approval-record/" + stage.slug() + ".pdf");
  }

  /** Every stage's opinions, as each stage's view shows them (so what a stage hides stays hidden), by time. */
  static List<ProjectPage.OpinionLine> opinions(ProjectView project, List<GoalSetView> goalSets,
      List<MonitoringView> years, Names names) {
    List<ProjectPage.OpinionLine> lines = new ArrayList<>();
    for (ProjectView.OpinionView o : project.opinions()) {
      lines.add(new ProjectPage.OpinionLine(Stage.EX_ANTE.name(), Stage.EX_ANTE.label(), project.code(), null, o.step(),
          o.stepName(), o.reviewer(), o.reviewerName(), o.reviewerRole(), o.reviewerRoleLabel(), o.decision().name(),
          o.decisionLabel(), o.comment(), o.conclusion(), scores(o.scores()), o.givenAt()));
    }
    for (GoalSetView set : goalSets) {
      for (GoalSetView.OpinionView o : set.opinions()) {
        lines.add(new ProjectPage.OpinionLine(Stage.GOALS.name(), Stage.GOALS.label(), set.code(), o.versionNumber(),
            o.step(), o.stepName(), o.reviewer(), o.reviewerName(), o.reviewerRole(), o.reviewerRoleLabel(),
            o.decision(), o.decisionLabel(), o.comment(), null, null, o.givenAt()));
      }
    }
    for (MonitoringView year : years) {
      for (MonitoringView.Opinion o : year.opinions()) {
        lines.add(new ProjectPage.OpinionLine(Stage.MONITORING.name(), Stage.MONITORING.label(), year.code(),
            o.round(), o.step(), o.stepName(), o.actor(), names.user(o.actor()), o.actorRole(),
            Role.ofGroup(o.actorRole()).map(Role::chineseName).orElse(o.actorRole()), o.decision(),
            decisionLabel(o.decision()), o.comment(), o.conclusion(), null, o.givenAt()));
      }
    }
    lines.sort(Comparator.comparing(ProjectPage.OpinionLine::givenAt));
    return List.copyOf(lines);
  }

  private static String decisionLabel(String decision) {
    try {
      return ReviewDecision.valueOf(decision).label();
    } catch (IllegalArgumentException e) {
      return decision;
    }
  }

  static String scores(org.jixiao.stage.DimensionScores s) {
    if (s == null) {
      return null;
    }
    return "立项必要性 " + s.necessity() + "，投入经济性 " + s.economy() + "，绩效目标合理性 " + s.goalReasonableness()
        + "，实施方案可行性 " + s.feasibility() + "，筹资合规性 " + s.financingCompliance();
  }

  private ProjectPage.OpenTask task(Task t, Names names) {
    return new ProjectPage.OpenTask(t.getId(), t.getName(), t.getAssignee(),
        t.getAssignee() == null ? null : names.user(t.getAssignee()), ApprovalRecords.offset(t.getCreateTime()),
        ApprovalRecords.offset(t.getDueDate()), TASKLIST + t.getId());
  }

  private boolean mayUseCockpit(Caller caller) {
    return caller.isAdministrator() || authorizationService.isUserAuthorized(caller.userId(),
        List.copyOf(caller.groupIds()), Permissions.ACCESS, Resources.APPLICATION, "cockpit");
  }

  /** The districts the caller works in (an administrator: all). */
  Set<String> districtsOf(Caller caller) {
    if (caller.isAdministrator()) {
      return identityService.createTenantQuery().orderByTenantId().asc().list().stream().map(Tenant::getId)
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
    return new TreeSet<>(caller.districts());
  }

  private boolean inAnyOf(Group group, Set<String> districts) {
    return districts.stream().anyMatch(d -> identityService.createGroupQuery().groupId(group.getId())
        .memberOfTenant(d).count() > 0);
  }

  private static String label(Group g) {
    return g.getName() == null ? g.getId() : g.getName();
  }

  private static Comparator<Project> order(LibraryFilter.Sort sort) {
    Comparator<Project> byCode = Comparator.comparing(Project::getCode);
    Comparator<Project> first = switch (sort) {
      case CODE -> byCode;
      case CODE_DESC -> byCode.reversed();
      case NAME -> Comparator.comparing(Project::getName, java.text.Collator.getInstance(java.util.Locale.CHINA));
      case NAME_DESC -> Comparator.comparing(Project::getName,
          java.text.Collator.getInstance(java.util.Locale.CHINA)).reversed();
      case AMOUNT -> Comparator.comparing(Project::getAmount);
      case AMOUNT_DESC -> Comparator.comparing(Project::getAmount, Comparator.<BigDecimal>reverseOrder());
      case YEAR -> Comparator.comparingInt(Project::getBudgetYear);
      case YEAR_DESC -> Comparator.comparingInt(Project::getBudgetYear).reversed();
      case UPDATED -> Comparator.comparing(Project::getUpdatedAt);
      case UPDATED_DESC -> Comparator.comparing(Project::getUpdatedAt, Comparator.reverseOrder());
    };
    return first.thenComparing(byCode);
  }

  private static LibraryRow row(Project p, Names names) {
    return new LibraryRow(p.getCode(), p.getName(), p.getDistrict(), names.district(p.getDistrict()),
        p.getDepartment(), names.group(p.getDepartment()), p.getItemType().name(), p.getItemType().label(),
        p.getStatus().name(), p.getStatus().label(), p.getStage().name(), p.getStage().label(), p.getBudgetYear(),
        p.getAmount(), p.getApprovedAmount(), p.getApplicant(), p.getUpdatedAt());
  }

  /** Display names looked up once per request (a list names the same departments and districts many times). */
  static final class Names {

    private final IdentityNames names;
    private final Map<String, String> cache = new HashMap<>();

    Names(IdentityService identityService) {
      this.names = new IdentityNames(identityService);
    }

    String user(String id) {
      return id == null ? null : cached("u:" + id, x -> names.user(id));
    }

    String group(String id) {
      return cached("g:" + id, x -> names.group(id));
    }

    String district(String id) {
      return cached("d:" + id, x -> names.district(id));
    }

    private String cached(String key, Function<String, String> lookup) {
      return cache.computeIfAbsent(key, lookup);
    }
  }
}
