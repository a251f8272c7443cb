package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.project.ProjectRef;
import org.jixiao.project.ProjectService;
import org.jixiao.system.ApiError;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执行数据导入: the finance bureau uploads the budget execution system's paid-to-date figures for its district. Every
 * row is checked (a known project of the district, with an open round, a figure of 元 within its budget, a date in
 * its year, no code twice); one bad row refuses the whole file with every problem and its row number, and nothing
 * is stored. A valid file becomes a preview of what each open report will get; applying it changes them all in one
 * transaction, once, and only if none of them changed since the preview read them.
 */
@Service
public class ExecutionImports {

  /** Problems listed in the refusal's field list at most (the message counts them all). */
  static final int MAX_LISTED_PROBLEMS = 1000;

  private final ProjectService projects;
  private final MonitoringReportRepository reports;
  private final MonitoringProjectRepository monitored;
  private final ExecutionImportRepository imports;
  private final ExecutionImportRowRepository rows;
  private final IdentityService identityService;
  private final IdentityNames names;

  ExecutionImports(ProjectService projects, MonitoringReportRepository reports, MonitoringProjectRepository monitored,
      ExecutionImportRepository imports, ExecutionImportRowRepository rows, IdentityService identityService) {
    this.projects = projects;
    this.reports = reports;
    this.monitored = monitored;
    this.imports = imports;
    this.rows = rows;
    this.identityService = identityService;
    this.names = new IdentityNames(identityService);
  }

  /** What applying a valid file would do: one planned change per open report of each row's project. */
  public record Checked(String district, int rowCount, List<Planned> planned) {}

  /** One report's change. */
  public record Planned(int rowNo, MonitoringReport report, BigDecimal budget, BigDecimal paid, LocalDate asOf,
      BigDecimal executionRate) {}

  /** The import as the API shows it. */
  public record ImportView(Long id, String district, String districtName, String fileName, String status,
      String statusLabel, int rowCount, int reportCount, String createdBy, OffsetDateTime createdAt, String appliedBy,
      OffsetDateTime appliedAt, List<RowView> rows) {}

  /** One report's change: the figure before and after, the execution rate it gives. */
  public record RowView(int rowNo, String projectCode, String projectName, Long reportId, int budgetYear, int roundNo,
      BigDecimal budgetAmount, BigDecimal oldPaidToDate, String oldPaidSource, String oldPaidSourceLabel,
      BigDecimal paidToDate, LocalDate asOfDate, BigDecimal executionRate, boolean keepsUnitFigure, String change) {}

  /** Reads and checks a file without storing anything; refuses it (400, every problem listed) unless every row is valid. */
  @Transactional(readOnly = true)
  public Checked check(String district, String fileName, byte[] bytes) {
    List<ExecutionImportReader.Line> lines = ExecutionImportReader.read(fileName, bytes);
    if (lines.isEmpty()) {
      throw new InvalidInputException("文件中没有数据行（第一行为表头，其下每行一个项目）");
    }
    Set<String> codes = lines.stream().map(ExecutionImportReader.Line::code).filter(c -> !c.isEmpty())
        .collect(Collectors.toCollection(HashSet::new));
    Map<String, ProjectRef> refs = projects.referencesByCode(codes);
    Map<String, List<MonitoringReport>> open = new HashMap<>();
    for (MonitoringReport report : reports.findByDistrictAndStatusIn(district, List.of(ReportStatus.OPEN))) {
      open.computeIfAbsent(report.getProjectCode(), c -> new ArrayList<>()).add(report);
    }
    Map<String, MonitoringProject> states = monitoredProjects(district, open.values());

    List<ApiError.FieldError> problems = new ArrayList<>();
    List<Planned> planned = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (ExecutionImportReader.Line line : lines) {
      int row = line.rowNo();
      String code = line.code();
      List<MonitoringReport> targets = List.of();
      if (code.isEmpty()) {
        problem(problems, row, "projectCode", "项目编码为空");
      } else if (seen.containsKey(code)) {
        problem(problems, row, "projectCode", "项目编码 " + code + " 重复（与行 " + seen.get(code) + " 相同）");
      } else {
        seen.put(code, row);
        ProjectRef ref = refs.get(code);
        if (ref == null) {
          problem(problems, row, "projectCode", "项目编码 " + code + " 不存在");
        } else if (!ref.district().equals(district)) {
          problem(problems, row, "projectCode", "项目 " + code + " 不属于" + names.district(district) + "，不能在本辖区导入");
        } else {
          targets = open.getOrDefault(code, List.of());
          if (targets.isEmpty()) {
            problem(problems, row, "projectCode", "项目 " + code + " 没有待填报的监控轮次");
          }
        }
      }
      BigDecimal paid = null;
      if (line.paid().toString().isBlank()) {
        problem(problems, row, "paidToDate", "累计支付金额为空");
      } else {
        paid = ExecutionImportReader.amount(line.paid());
        if (paid == null) {
          problem(problems, row, "paidToDate", "累计支付金额“" + line.paid() + "”不是数字");
        } else {
          String bad = PaidToDateRules.amountProblem(paid);
          if (bad != null) {
            problem(problems, row, "paidToDate", bad);
            paid = null;
          }
        }
      }
      LocalDate asOf = null;
      if (line.asOf().toString().isBlank()) {
        problem(problems, row, "asOfDate", "截至日期为空");
      } else {
        asOf = ExecutionImportReader.date(line.asOf());
        if (asOf == null) {
          problem(problems, row, "asOfDate", "截至日期“" + line.asOf() + "”无效，应为 2027-07-31 这样的日期");
        }
      }
      for (MonitoringReport report : targets) {
        BigDecimal budget = PaidToDateRules.budgetOf(report, states.get(key(report)));
        String overBudget = paid == null ? null : PaidToDateRules.budgetProblem(paid, budget);
        String wrongYear = asOf == null ? null : PaidToDateRules.dateProblem(asOf, report.getBudgetYear());
        if (overBudget != null) {
          problem(problems, row, "paidToDate", overBudget + "（第 " + report.getRoundNo() + " 轮）");
        }
        if (wrongYear != null) {
          problem(problems, row, "asOfDate", wrongYear);
        }
        if (paid != null && asOf != null && overBudget == null && wrongYear == null) {
          BigDecimal exact = paid.setScale(2);
          planned.add(new Planned(row, report, budget, exact, asOf, PaidToDateRules.executionRate(exact, budget)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw refusal(problems);
    }
    return new Checked(district, lines.size(), planned);
  }

  /** Checks the file and stores it as a preview (nothing else changes yet). */
  @Transactional
  public ImportView preview(String district, String fileName, byte[] bytes, Caller caller) {
    mayImport(district, caller);
    if (identityService.createTenantQuery().tenantId(district).count() == 0) {
      throw ApiException.badRequest("辖区不存在：" + district);
    }
    Checked checked = check(district, fileName, bytes);
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    ExecutionImport record = imports.save(new ExecutionImport(district, name.length() > 255 ? name.substring(0, 255) : name,
        checked.rowCount(), caller.userId(), OffsetDateTime.now()));
    List<ExecutionImportRow> stored = new ArrayList<>(checked.planned().size());
    for (Planned p : checked.planned()) {
      stored.add(new ExecutionImportRow(record.getId(), p.rowNo(), p.report(), p.budget(), p.paid(), p.asOf(),
          p.executionRate()));
    }
    rows.saveAll(stored);
    return view(record, stored);
  }

  @Transactional(readOnly = true)
  public ImportView find(Long id, Caller caller) {
    ExecutionImport record = visible(id, caller);
    return view(record, rows.findByImportIdOrderByRowNoAscIdAsc(id));
  }

  /**
   * Applies a preview to its reports in one transaction: 409 if it was applied already, or if any of its reports
   * changed (a correction, another import, a submission) after the preview read it; then nothing changes.
   */
  @Transactional
  public ImportView apply(Long id, Caller caller) {
    ExecutionImport record = visible(id, caller);
    if (record.getStatus() == ExecutionImportStatus.APPLIED) {
      throw ApiException.conflict("该导入已于 " + record.getAppliedAt().toLocalDate() + " 应用，不能重复导入");
    }
    List<ExecutionImportRow> planned = rows.findByImportIdOrderByRowNoAscIdAsc(id);
    Map<Long, MonitoringReport> current = new HashMap<>();
    List<Long> ids = planned.stream().map(ExecutionImportRow::getReportId).toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      reports.findAllById(ids.subList(from, Math.min(ids.size(), from + 1000))).forEach(r -> current.put(r.getId(), r));
    }
    List<String> changed = new ArrayList<>();
    for (ExecutionImportRow row : planned) {
      MonitoringReport report = current.get(row.getReportId());
      if (report == null || report.getStatus() != ReportStatus.OPEN
          || !report.getUpdatedAt().isEqual(row.getReportUpdatedAt())) {
        changed.add("行 " + row.getRowNo() + "：项目 " + row.getProjectCode() + " 第 " + row.getRoundNo() + " 轮");
      }
    }
    if (!changed.isEmpty()) {
      throw ApiException.conflict("预览之后以下监控报告已有变化，请重新上传导入：" + String.join("；",
          changed.subList(0, Math.min(10, changed.size()))) + (changed.size() > 10 ? "；等 " + changed.size() + " 份" : ""));
    }
    OffsetDateTime now = OffsetDateTime.now();
    for (ExecutionImportRow row : planned) {
      current.get(row.getReportId()).recordImportedPaid(row.getPaidToDate(), row.getAsOfDate(), now);
    }
    record.applied(caller.userId(), now);
    return view(record, planned);
  }

  // ------------------------------------------------------------------------------------------------ access

  /** The finance bureau (either section) of the district, and administrators. */
  private static void mayImport(String district, Caller caller) {
    if (caller.isAdministrator()) {
      return;
    }
    if (!caller.hasRole(Role.FINANCE_PERFORMANCE) && !caller.hasRole(Role.FINANCE_BUDGET)) {
      throw ApiException.forbidden("只有财政局（绩效科、预算科）可以导入预算执行数据");
    }
    if (!caller.worksIn(district)) {
      throw ApiException.forbidden("您不能导入其他辖区的预算执行数据：" + district);
    }
  }

  /** Another district's import is answered as a missing one. */
  private ExecutionImport visible(Long id, Caller caller) {
    ExecutionImport record = imports.findById(id)
        .filter(r -> caller.worksIn(r.getDistrict()))
        .orElseThrow(() -> ApiException.notFound("导入记录不存在：" + id));
    mayImport(record.getDistrict(), caller);
    return record;
  }

  // --------------------------------------------------------------------------------------------- internals

  private Map<String, MonitoringProject> monitoredProjects(String district, Collection<List<MonitoringReport>> open) {
    Set<Integer> years = new HashSet<>();
    open.forEach(list -> list.forEach(r -> years.add(r.getBudgetYear())));
    Map<String, MonitoringProject> states = new HashMap<>();
    for (int year : years) {
      for (MonitoringProject p : monitored.findByDistrictAndBudgetYearOrderByProjectCodeAsc(district, year)) {
        states.put(p.getProjectCode() + "/" + p.getBudgetYear(), p);
      }
    }
    return states;
  }

  private static String key(MonitoringReport report) {
    return report.getProjectCode() + "/" + report.getBudgetYear();
  }

  private static void problem(List<ApiError.FieldError> problems, int row, String field, String message) {
    problems.add(new ApiError.FieldError("rows[" + row + "]." + field, "行 " + row + "：" + message));
  }

  private static InvalidInputException refusal(List<ApiError.FieldError> problems) {
    List<String> first = problems.stream().limit(10).map(ApiError.FieldError::message).toList();
    String message = "导入文件有 " + problems.size() + " 处错误，未导入任何数据：" + String.join("；", first)
        + (problems.size() > first.size() ? "；……（共 " + problems.size() + " 处）" : "");
    return new InvalidInputException(message, problems.subList(0, Math.min(MAX_LISTED_PROBLEMS, problems.size())));
  }

  private ImportView view(ExecutionImport record, List<ExecutionImportRow> stored) {
    Map<String, ProjectRef> refs = projects.referencesByCode(stored.stream().map(ExecutionImportRow::getProjectCode).toList());
    List<RowView> views = new ArrayList<>(stored.size());
    for (ExecutionImportRow row : stored) {
      ProjectRef ref = refs.get(row.getProjectCode());
      views.add(new RowView(row.getRowNo(), row.getProjectCode(), ref == null ? null : ref.name(), row.getReportId(),
          row.getBudgetYear(), row.getRoundNo(), row.getBudgetAmount(), row.getOldPaidToDate(),
          row.getOldPaidSource() == null ? null : row.getOldPaidSource().name(),
          row.getOldPaidSource() == null ? null : row.getOldPaidSource().label(), row.getPaidToDate(), row.getAsOfDate(),
          row.getExecutionRate(), row.isKeepsUnitFigure(), change(row)));
    }
    Map<Long, Boolean> distinctReports = new LinkedHashMap<>();
    stored.forEach(r -> distinctReports.put(r.getReportId(), true));
    return new ImportView(record.getId(), record.getDistrict(), names.district(record.getDistrict()), record.getFileName(),
        record.getStatus().name(), record.getStatus().label(), record.getRowCount(), distinctReports.size(),
        record.getCreatedBy(), record.getCreatedAt(), record.getAppliedBy(), record.getAppliedAt(), views);
  }

  /** "未填报 → 320,000.00 元（执行率 32.00%）", or the unit's figure kept. */
  private static String change(ExecutionImportRow row) {
    String before = row.getOldPaidToDate() == null ? "未填报" : PaidToDateRules.yuan(row.getOldPaidToDate()) + " 元";
    String rate = row.getExecutionRate() == null ? ""
        : "（执行率 " + row.getExecutionRate().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + "%）";
    if (row.isKeepsUnitFigure()) {
      return "单位已更正为 " + before + "，保留单位数据；导入数 " + PaidToDateRules.yuan(row.getPaidToDate()) + " 元" + rate
          + "记录备查";
    }
    return before + " → " + PaidToDateRules.yuan(row.getPaidToDate()) + " 元" + rate;
  }
}
