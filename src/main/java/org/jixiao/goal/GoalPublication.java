package org.jixiao.goal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.district.District;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 绩效目标公开: the approved performance goals of a district and budget year, as they go with the budget to the
 * people's congress (人大) and to the public — project (or 部门整体), budget unit, amount, overall goal and
 * every indicator of the version in force. Only approved versions are published: a goal set under review,
 * returned, reopened or with an adjustment pending shows the version approved before, if it has one, and is
 * left out if not; superseded, returned and refused versions and pending proposals never appear. Published
 * goals are public information, so anyone who works in the district sees every department's. As JSON (the
 * records below) and as an .xlsx sheet.
 */
@Service
public class GoalPublication {

  /** What a department's whole-budget goals show where a project's name would be. */
  static final String WHOLE_DEPARTMENT = "部门整体";

  static final String SHEET_NAME = "绩效目标";

  static final List<String> HEADERS = List.of("序号", "目标编号", "项目编码", "项目名称", "预算单位", "预算金额（元）",
      "总体目标", "一级指标", "二级指标", "三级指标", "指标值", "权重", "批复版本", "批复日期");

  /** Approval dates are the finance bureau's calendar days. */
  private static final ZoneId CHINA = District.TIME_ZONE;

  private static final String AMOUNT_FORMAT = "#,##0.00";
  private static final String DATE_FORMAT = "yyyy-mm-dd";

  /** Columns (0-based) that belong to the goal set and are merged over its indicator rows. */
  private static final int[] GOAL_SET_COLUMNS = {0, 1, 2, 3, 4, 5, 6, 12, 13};

  private final GoalSetRepository sets;
  private final ProjectService projects;
  private final IdentityService identityService;
  private final IdentityNames names;

  GoalPublication(GoalSetRepository sets, ProjectService projects, IdentityService identityService) {
    this.sets = sets;
    this.projects = projects;
    this.identityService = identityService;
    this.names = new IdentityNames(identityService);
  }

  /** The publication of a district and year; {@code districtName} is the district's display name, if it has one. */
  public record Publication(String district, String districtName, int budgetYear, OffsetDateTime generatedAt,
      List<PublishedGoalSet> goalSets) {

    /** The sheet's title row, e.g. "綦江区 2027 年度绩效目标公开表". */
    public String title() {
      return displayName() + " " + budgetYear + " 年度绩效目标公开表";
    }

    /** The download's name, e.g. "綦江区2027年度绩效目标公开表.xlsx". */
    public String fileName() {
      return displayName() + budgetYear + "年度绩效目标公开表.xlsx";
    }

    /** An ASCII name for clients that cannot read the Chinese one, e.g. "goals-qijiang-2027.xlsx". */
    public String asciiFileName() {
      return "goals-" + district + "-" + budgetYear + ".xlsx";
    }

    private String displayName() {
      return districtName == null || districtName.isBlank() ? district : districtName;
    }
  }

  /**
   * One goal set as published: the approved version's number, date, overall goal and indicators. For a
   * department's whole-budget goals {@code projectCode} is absent and {@code projectName} is 部门整体.
   */
  public record PublishedGoalSet(String code, GoalSubject subject, String subjectLabel, String projectCode,
      String projectName, String department, String departmentName, BigDecimal budgetAmount, String overallGoal,
      int version, OffsetDateTime approvedAt, List<PublishedIndicator> indicators) {}

  /** One indicator (三级指标) with where it sits in the tree and its target as a reader writes it ("≥ 95 %"). */
  public record PublishedIndicator(String level1Label, String level2Label, String name, String target,
      TargetComparator comparator, BigDecimal targetValue, String targetText, String unit, BigDecimal weight) {

    static PublishedIndicator of(Indicator i) {
      return new PublishedIndicator(i.level1().label(), i.level2().label(), i.name(), i.target(), i.comparator(),
          i.targetValue(), i.targetText(), i.unit(), i.weight());
    }
  }

  /**
   * The approved goals of the district and year, ordered by goal set code. Unknown district: 404; a caller who
   * does not work in the district: 403.
   */
  @Transactional(readOnly = true)
  public Publication publish(String district, int budgetYear, Caller caller) {
    Tenant tenant = identityService.createTenantQuery().tenantId(district).singleResult();
    if (tenant == null) {
      throw ApiException.notFound("辖区不存在：" + district);
    }
    if (!caller.worksIn(district)) {
      throw ApiException.forbidden("您无权查看其他辖区的绩效目标公开信息：" + district);
    }
    if (budgetYear < 2000 || budgetYear > 2100) {
      throw ApiException.badRequest("预算年度应在 2000 到 2100 之间");
    }
    List<GoalSet> approved = sets.findByDistrictAndBudgetYearOrderByCodeAsc(district, budgetYear).stream()
        .filter(s -> s.approved().isPresent())
        .sorted(Comparator.comparing(GoalSet::getCode))
        .toList();
    Map<Long, ProjectRef> refs = projects.references(approved.stream().map(GoalSet::getProjectId)
        .filter(Objects::nonNull).toList());
    Map<String, String> departmentNames = new HashMap<>();
    List<PublishedGoalSet> published = approved.stream()
        .map(s -> of(s, s.approved().orElseThrow(), refs.get(s.getProjectId()),
            departmentNames.computeIfAbsent(s.getDepartment(), names::group)))
        .toList();
    return new Publication(district, tenant.getName(), budgetYear, OffsetDateTime.now(CHINA), published);
  }

  private static PublishedGoalSet of(GoalSet set, GoalVersion version, ProjectRef project, String departmentName) {
    boolean wholeDepartment = set.getSubject() == GoalSubject.DEPARTMENT;
    String projectCode = wholeDepartment || project == null ? null : project.code();
    String projectName = wholeDepartment ? WHOLE_DEPARTMENT : project == null ? null : project.name();
    return new PublishedGoalSet(set.getCode(), set.getSubject(), set.getSubject().label(), projectCode, projectName,
        set.getDepartment(), departmentName, set.getBudgetAmount(), version.getOverallGoal(), version.getNumber(),
        version.getDecidedAt(), version.getIndicators().stream().map(PublishedIndicator::of).toList());
  }

  /**
   * Writes the publication as an .xlsx workbook with one sheet 「绩效目标」: a title row, the header row, then
   * one row per indicator; the goal set's own columns are merged over its indicator rows, so the amounts add
   * up once per goal set. The stream is not closed.
   */
  public void write(Publication publication, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "jixiao", "1.0");
    Worksheet sheet = workbook.newWorksheet(SHEET_NAME);
    int lastColumn = HEADERS.size() - 1;

    sheet.value(0, 0, publication.title());
    sheet.range(0, 0, 0, lastColumn).merge();
    sheet.style(0, 0).bold().fontSize(14).horizontalAlignment("center").verticalAlignment("center").set();
    sheet.rowHeight(0, 28);

    for (int c = 0; c < HEADERS.size(); c++) {
      sheet.value(1, c, HEADERS.get(c));
      sheet.style(1, c).bold().fillColor("D9E1F2").horizontalAlignment("center").verticalAlignment("center")
          .wrapText(true).borderStyle(BorderStyle.THIN).set();
    }
    double[] widths = {6, 22, 18, 30, 26, 16, 48, 12, 16, 24, 18, 8, 10, 12};
    for (int c = 0; c < widths.length; c++) {
      sheet.width(c, widths[c]);
    }
    sheet.freezePane(0, 2);

    int row = 2;
    int number = 0;
    for (PublishedGoalSet set : publication.goalSets()) {
      number++;
      List<PublishedIndicator> indicators = set.indicators();
      int rows = Math.max(1, indicators.size());
      sheet.value(row, 0, number);
      sheet.value(row, 1, set.code());
      sheet.value(row, 2, set.projectCode());
      sheet.value(row, 3, set.projectName());
      sheet.value(row, 4, set.departmentName());
      sheet.value(row, 5, set.budgetAmount());
      sheet.value(row, 6, set.overallGoal());
      sheet.value(row, 12, set.version());
      if (set.approvedAt() != null) {
        sheet.value(row, 13, set.approvedAt().atZoneSameInstant(CHINA).toLocalDate());
      }
      for (int i = 0; i < indicators.size(); i++) {
        PublishedIndicator indicator = indicators.get(i);
        sheet.value(row + i, 7, indicator.level1Label());
        sheet.value(row + i, 8, indicator.level2Label());
        sheet.value(row + i, 9, indicator.name());
        sheet.value(row + i, 10, indicator.target());
        sheet.value(row + i, 11, indicator.weight());
      }
      for (int c = 0; c <= lastColumn; c++) {
        for (int r = row; r < row + rows; r++) {
          var style = sheet.style(r, c).borderStyle(BorderStyle.THIN).verticalAlignment("center");
          if (c == 5) {
            style.format(AMOUNT_FORMAT);
          } else if (c == 13) {
            style.format(DATE_FORMAT);
          } else if (c == 6 || c == 9 || c == 10 || c == 3) {
            style.wrapText(true);
          }
          if (c == 0 || c == 11 || c == 12 || c == 13) {
            style.horizontalAlignment("center");
          }
          style.set();
        }
      }
      if (rows > 1) {
        for (int c : GOAL_SET_COLUMNS) {
          sheet.range(row, c, row + rows - 1, c).merge();
        }
      }
      row += rows;
    }
    workbook.finish();
  }
}
