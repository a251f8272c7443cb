package org.jixiao.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 绩效运行监控覆盖率与报表 per district and budget year: the share of project spending under monitoring (the listed
 * projects' budgets with a monitoring record ÷ all listed projects' budgets) against the district's target
 * ({@code Decision_MonitoringCoverageTarget}), the lights of the latest round of each project and of each round,
 * the reclaimed pool (调慢补快), the key-monitored count, and the suspended and stopped projects; as JSON and as an
 * .xlsx workbook with Chinese headers.
 */
@Service
public class CoverageReports {

  static final String DECISION_TARGET = "Decision_MonitoringCoverageTarget";

  private final ProjectService projects;
  private final MonitoringProjectRepository monitored;
  private final MonitoringReportRepository reports;
  private final DecisionService decisionService;
  private final IdentityService identityService;
  private final IdentityNames names;

  CoverageReports(ProjectService projects, MonitoringProjectRepository monitored, MonitoringReportRepository reports,
      DecisionService decisionService, IdentityService identityService) {
    this.projects = projects;
    this.monitored = monitored;
    this.reports = reports;
    this.decisionService = decisionService;
    this.identityService = identityService;
    this.names = new IdentityNames(identityService);
  }

  /** The whole report. Shares are ratios to 4 places (0.6250 = 62.50 %). */
  public record Coverage(String district, String districtName, int budgetYear, int projectCount,
      BigDecimal projectSpending, int monitoredCount, BigDecimal monitoredSpending, BigDecimal coverage,
      BigDecimal coverageTarget, boolean targetMet, int keyMonitoredCount, BigDecimal reclaimedTotal,
      LightCounts latestLights, List<RoundLights> rounds, List<ProjectLine> suspended, List<ProjectLine> stopped) {}

  /** Reports by light; {@code none}: not lit yet (the unit has not reported). */
  public record LightCounts(int green, int yellow, int red, int none, int total) {

    static LightCounts of(List<MonitoringReport> reports) {
      int green = 0;
      int yellow = 0;
      int red = 0;
      int none = 0;
      for (MonitoringReport r : reports) {
        if (r.getLight() == null) {
          none++;
        } else {
          switch (r.getLight()) {
            case GREEN -> green++;
            case YELLOW -> yellow++;
            case RED -> red++;
          }
        }
      }
      return new LightCounts(green, yellow, red, none, reports.size());
    }
  }

  public record RoundLights(int roundNo, LightCounts lights) {}

  public record ProjectLine(String projectCode, String projectName, String department, String departmentName,
      BigDecimal budgetAmount, BigDecimal reclaimedTotal, BigDecimal availableBudget, String paymentState,
      String paymentStateLabel) {}

  @Transactional(readOnly = true)
  public Coverage coverage(String district, int budgetYear, Caller caller) {
    mayRead(district, caller);
    if (identityService.createTenantQuery().tenantId(district).count() == 0) {
      throw ApiException.notFound("辖区不存在：" + district);
    }
    List<ProjectRef> listed = projects.listed(district, budgetYear);
    Map<String, MonitoringProject> states = monitored.findByDistrictAndBudgetYearOrderByProjectCodeAsc(district,
        budgetYear).stream().collect(Collectors.toMap(MonitoringProject::getProjectCode, p -> p));
    BigDecimal spending = BigDecimal.ZERO.setScale(2);
    BigDecimal underMonitoring = BigDecimal.ZERO.setScale(2);
    int monitoredCount = 0;
    for (ProjectRef ref : listed) {
      spending = spending.add(ref.budgetAmount());
      if (states.containsKey(ref.code())) {
        underMonitoring = underMonitoring.add(ref.budgetAmount());
        monitoredCount++;
      }
    }
    BigDecimal share = spending.signum() == 0 ? null
        : underMonitoring.divide(spending, MonitoringReport.RATIO_SCALE, RoundingMode.HALF_UP);
    BigDecimal target = target(district, budgetYear);

    Map<String, List<MonitoringReport>> byProject = new TreeMap<>();
    Map<Integer, List<MonitoringReport>> byRound = new TreeMap<>();
    for (MonitoringReport r : reports.findByDistrictAndBudgetYearOrderByProjectCodeAscRoundNoAsc(district, budgetYear)) {
      byProject.computeIfAbsent(r.getProjectCode(), c -> new ArrayList<>()).add(r);
      byRound.computeIfAbsent(r.getRoundNo(), n -> new ArrayList<>()).add(r);
    }
    List<MonitoringReport> latest = byProject.values().stream().map(list -> list.get(list.size() - 1)).toList();
    List<RoundLights> rounds = byRound.entrySet().stream()
        .map(e -> new RoundLights(e.getKey(), LightCounts.of(e.getValue()))).toList();

    Map<Long, ProjectRef> refs = projects.references(states.values().stream().map(MonitoringProject::getProjectId).toList());
    BigDecimal reclaimed = BigDecimal.ZERO.setScale(2);
    int key = 0;
    List<ProjectLine> suspended = new ArrayList<>();
    List<ProjectLine> stopped = new ArrayList<>();
    for (MonitoringProject p : states.values().stream().sorted(java.util.Comparator.comparing(
        MonitoringProject::getProjectCode)).toList()) {
      reclaimed = reclaimed.add(p.getReclaimedTotal());
      if (p.isKeyMonitoring()) {
        key++;
      }
      if (p.getPaymentState() == PaymentState.SUSPENDED) {
        suspended.add(line(p, refs.get(p.getProjectId())));
      } else if (p.getPaymentState() == PaymentState.STOPPED) {
        stopped.add(line(p, refs.get(p.getProjectId())));
      }
    }
    return new Coverage(district, names.district(district), budgetYear, listed.size(), spending, monitoredCount,
        underMonitoring, share, target, share != null && share.compareTo(target) >= 0, key, reclaimed,
        LightCounts.of(latest), rounds, suspended, stopped);
  }

  /** The district's target share for the year, from its model (2 places: 0.60). */
  BigDecimal target(String district, int budgetYear) {
    DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(DECISION_TARGET)
        .decisionDefinitionTenantId(district)
        .variables(Map.of("budgetYear", budgetYear))
        .evaluate()
        .getSingleResult();
    Object value = result == null ? null : result.getEntry("coverageTarget");
    if (!(value instanceof Number number)) {
      throw new IllegalStateException(DECISION_TARGET + " of " + district + " gives no coverageTarget for " + budgetYear);
    }
    return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private ProjectLine line(MonitoringProject p, ProjectRef ref) {
    return new ProjectLine(p.getProjectCode(), ref == null ? null : ref.name(), p.getDepartment(),
        names.group(p.getDepartment()), p.getBudgetAmount(), p.getReclaimedTotal(), p.getAvailableBudget(),
        p.getPaymentState().name(), p.getPaymentState().label());
  }

  /** The finance bureau (either section) and the people's congress observer of the district; administrators. */
  private static void mayRead(String district, Caller caller) {
    if (caller.isAdministrator()) {
      return;
    }
    boolean role = caller.hasRole(Role.FINANCE_PERFORMANCE) || caller.hasRole(Role.FINANCE_BUDGET)
        || caller.hasRole(Role.NPC_OBSERVER);
    if (!role) {
      throw ApiException.forbidden("只有财政局和人大预算工委可以查看绩效运行监控覆盖率");
    }
    if (!caller.worksIn(district)) {
      throw ApiException.forbidden("您不能查看其他辖区的绩效运行监控覆盖率：" + district);
    }
  }

  // ------------------------------------------------------------------------------------------------- xlsx

  static final String SHEET_SUMMARY = "覆盖率";
  static final String SHEET_LIGHTS = "红黄灯";
  static final String SHEET_PAYMENT = "暂缓拨付与止损";
  static final List<String> SUMMARY_HEADERS = List.of("项目", "数值");
  static final List<String> LIGHT_HEADERS = List.of("轮次", "绿灯", "黄灯", "红灯", "未亮灯", "合计");
  static final List<String> PAYMENT_HEADERS =
      List.of("状态", "项目编码", "项目名称", "预算单位", "预算金额（元）", "已收回（元）", "可用预算（元）");

  /** Three sheets: 覆盖率 (label, value), 红黄灯 (the latest round, then each round), 暂缓拨付与止损. Not closed. */
  public void write(Coverage c, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "jixiao", "1.0");
    Worksheet summary = workbook.newWorksheet(SHEET_SUMMARY);
    header(summary, SUMMARY_HEADERS);
    Object[][] rows = {
        {"辖区", c.districtName()},
        {"预算年度", c.budgetYear()},
        {"入库项目数", c.projectCount()},
        {"项目支出合计（元）", c.projectSpending()},
        {"纳入监控项目数", c.monitoredCount()},
        {"纳入监控的项目支出（元）", c.monitoredSpending()},
        {"监控覆盖率", c.coverage()},
        {"目标覆盖率", c.coverageTarget()},
        {"是否达到目标", c.targetMet() ? "是" : "否"},
        {"重点监控项目数", c.keyMonitoredCount()},
        {"收回资金合计（元）", c.reclaimedTotal()},
        {"暂缓拨付项目数", c.suspended().size()},
        {"止损项目数", c.stopped().size()}};
    for (int r = 0; r < rows.length; r++) {
      summary.value(r + 1, 0, (String) rows[r][0]);
      cell(summary, r + 1, 1, rows[r][1]);
    }
    summary.width(0, 28);
    summary.width(1, 20);

    Worksheet lights = workbook.newWorksheet(SHEET_LIGHTS);
    header(lights, LIGHT_HEADERS);
    lightRow(lights, 1, "各项目最新一轮", c.latestLights());
    for (int i = 0; i < c.rounds().size(); i++) {
      RoundLights round = c.rounds().get(i);
      lightRow(lights, i + 2, "第 " + round.roundNo() + " 轮", round.lights());
    }
    lights.width(0, 16);

    Worksheet payment = workbook.newWorksheet(SHEET_PAYMENT);
    header(payment, PAYMENT_HEADERS);
    int r = 1;
    for (List<ProjectLine> list : List.of(c.suspended(), c.stopped())) {
      for (ProjectLine p : list) {
        payment.value(r, 0, p.paymentStateLabel());
        payment.value(r, 1, p.projectCode());
        payment.value(r, 2, p.projectName());
        payment.value(r, 3, p.departmentName());
        payment.value(r, 4, p.budgetAmount());
        payment.value(r, 5, p.reclaimedTotal());
        payment.value(r, 6, p.availableBudget());
        r++;
      }
    }
    double[] widths = {10, 20, 30, 24, 16, 14, 16};
    for (int i = 0; i < widths.length; i++) {
      payment.width(i, widths[i]);
    }
    workbook.finish();
  }

  private static void header(Worksheet sheet, List<String> headers) {
    for (int i = 0; i < headers.size(); i++) {
      sheet.value(0, i, headers.get(i));
      sheet.style(0, i).bold().fillColor("D9E1F2").horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
    }
  }

  private static void lightRow(Worksheet sheet, int row, String label, LightCounts l) {
    sheet.value(row, 0, label);
    sheet.value(row, 1, l.green());
    sheet.value(row, 2, l.yellow());
    sheet.value(row, 3, l.red());
    sheet.value(row, 4, l.none());
    sheet.value(row, 5, l.total());
  }

  private static void cell(Worksheet sheet, int row, int column, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Number number) {
      sheet.value(row, column, number);
    } else {
      sheet.value(row, column, value.toString());
    }
  }
}
