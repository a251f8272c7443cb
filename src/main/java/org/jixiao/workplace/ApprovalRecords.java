package org.jixiao.workplace;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jixiao.district.District;
import org.jixiao.goal.GoalSetView;
import org.jixiao.identity.Caller;
import org.jixiao.monitoring.MonitoringView;
import org.jixiao.project.ProjectView;
import org.jixiao.project.RuleResults;
import org.jixiao.stage.Stage;
import org.jixiao.system.ApiException;
import org.springframework.stereotype.Service;

/**
 * The printable approval record (审批单) of a project and stage, as a PDF a Chinese office files: the project, the
 * rule basis (the district's rule results with the thresholds that applied), the stage's own record (goals and
 * indicators; monitoring rounds and lights), and each step's opinion with actor, role and time. Read by whoever
 * may read the project (the same 404 otherwise); the font is embedded, so it prints the same everywhere.
 */
@Service
public class ApprovalRecords {

  static final ZoneId CHINA = District.TIME_ZONE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProjectLibrary library;

  ApprovalRecords(ProjectLibrary library) {
    this.library = library;
  }

  /** The stages with a record of their own, by the name the URL gives them. */
  public enum RecordStage {
    EX_ANTE("ex-ante", Stage.EX_ANTE, "事前绩效评估审批单"),
    GOALS("goals", Stage.GOALS, "绩效目标审批单"),
    MONITORING("monitoring", Stage.MONITORING, "绩效运行监控审批单");

    private final String slug;
    private final Stage stage;
    private final String title;

    RecordStage(String slug, Stage stage, String title) {
      this.slug = slug;
      this.stage = stage;
      this.title = title;
    }

    public String slug() {
      return slug;
    }

    public Stage stage() {
      return stage;
    }

    public String title() {
      return title;
    }

    static RecordStage of(String slug) {
      return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst()
          .orElseThrow(() -> ApiException.badRequest("审批单阶段无效：" + (slug.length() > 40 ? slug.substring(0, 40) + "…" : slug)
              + "（可选：" + Arrays.stream(values()).map(s -> s.slug + " " + s.stage.label())
              .collect(Collectors.joining("、")) + "）"));
    }
  }

  /** The record as a PDF and its file name; 400 for an unknown stage, 404 where the project has none of it. */
  public Pdf pdf(String code, String stageSlug, Caller caller) {
    RecordStage stage = RecordStage.of(stageSlug);
    ProjectPage page = library.page(code, caller);
    if (stage == RecordStage.GOALS && page.goals().isEmpty()) {
      throw ApiException.notFound("该项目尚无绩效目标审批记录：" + code);
    }
    if (stage == RecordStage.MONITORING && page.monitoring().isEmpty()) {
      throw ApiException.notFound("该项目尚无运行监控记录：" + code);
    }
    ProjectView p = page.project();
    String generated = time(OffsetDateTime.now());
    try (PdfSheet sheet = new PdfSheet(stage.title() + " " + p.code(), p.code() + " " + stage.title() + "  生成于 " + generated)) {
      sheet.title(stage.title());
      sheet.subtitle(page.districtName() + "  ·  " + p.name());
      project(sheet, page);
      rules(sheet, p.ruleResults());
      switch (stage) {
        case EX_ANTE -> exAnte(sheet, p);
        case GOALS -> page.goals().forEach(g -> goals(sheet, g));
        case MONITORING -> page.monitoring().forEach(m -> monitoring(sheet, m));
      }
      opinions(sheet, page.opinions().stream().filter(o -> o.stage().equals(stage.stage().name())).toList());
      sheet.paragraph("本审批单由系统根据审批记录生成，生成时间 " + generated + "（北京时间）。");
      byte[] bytes = sheet.finish();
      return new Pdf(bytes, "approval-record-" + p.code() + "-" + stage.slug() + ".pdf",
          stage.title() + "-" + p.code() + ".pdf");
    }
  }

  /** A PDF and its file names (ASCII and Chinese). */
  public record Pdf(byte[] bytes, String asciiName, String name) {}

  private static void project(PdfSheet sheet, ProjectPage page) {
    ProjectView p = page.project();
    sheet.heading("一、项目基本信息");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("项目编码", p.code(), "项目名称", p.name()));
    rows.add(List.of("所属辖区", page.districtName(), "预算单位", p.departmentName()));
    rows.add(List.of("主管部门", blank(p.supervisingDepartment()), "预算年度", String.valueOf(p.budgetYear())));
    rows.add(List.of("项目类型", p.itemTypeLabel(), "预算阶段", p.budgetStageLabel()));
    rows.add(List.of("资金来源", p.fundSourceLabel(), "实施期限", p.periodYears() + " 年"));
    rows.add(List.of("申报金额（元）", money(p.amount()), "新增或增支", p.newSpending() ? "是" : "否"));
    rows.add(List.of("审定金额（元）", p.approvedAmount() == null ? "—" : money(p.approvedAmount()),
        "审减金额（元）", p.cutAmount() == null ? "—" : money(p.cutAmount())));
    rows.add(List.of("项目状态", p.statusLabel(), "所处阶段", p.stageLabel()));
    rows.add(List.of("申报人", page.applicantName(), "申报时间", time(p.createdAt())));
    sheet.table(new float[] {1.1f, 2f, 1.1f, 2f}, null, rows);
  }

  private static void rules(PdfSheet sheet, RuleResults r) {
    sheet.heading("二、规则依据");
    if (r == null) {
      sheet.paragraph("辖区规则表尚未对本项目作出判断。");
      return;
    }
    List<List<String>> rows = List.of(
        List.of("是否需要事前绩效评估", yes(r.exAnteRequired())),
        List.of("是否需要部门自评估", yes(r.selfAssessmentRequired())),
        List.of("是否需要财政再评估", yes(r.financeReassessmentRequired())),
        List.of("是否需要联合会审", yes(r.jointReviewRequired())),
        List.of("是否与预算评审合并（审减）", yes(r.budgetReviewRequired())),
        List.of("适用的规则与金额标准", blank(r.ruleBasis())));
    sheet.table(new float[] {1.3f, 3f}, null, rows);
  }

  private static void exAnte(PdfSheet sheet, ProjectView p) {
    List<ProjectView.OpinionView> scored = p.opinions().stream().filter(o -> o.scores() != null || o.conclusion() != null)
        .toList();
    if (scored.isEmpty()) {
      return;
    }
    sheet.heading("三、评估评分与结论");
    List<List<String>> rows = new ArrayList<>();
    for (ProjectView.OpinionView o : scored) {
      rows.add(List.of(o.stepName(), o.reviewerName(), blank(ProjectLibrary.scores(o.scores())), blank(o.conclusion())));
    }
    sheet.table(new float[] {1.3f, 1f, 3f, 2f}, List.of("环节", "评估人", "五个维度评分", "评估结论"), rows);
  }

  private static void goals(PdfSheet sheet, GoalSetView g) {
    sheet.heading("三、绩效目标（" + g.budgetYear() + " 年度，编号 " + g.code() + "）");
    GoalSetView.VersionView shown = g.versions().stream()
        .filter(v -> g.approvedVersion() != null && v.number() == g.approvedVersion()).findFirst()
        .orElse(g.versions().isEmpty() ? null : g.versions().get(g.versions().size() - 1));
    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("目标状态", g.statusLabel(), "批复版本", g.approvedVersion() == null ? "尚未批复" : "第 " + g.approvedVersion() + " 版"));
    facts.add(List.of("预算金额（元）", g.budgetAmount() == null ? "—" : money(g.budgetAmount()), "所列版本",
        shown == null ? "—" : "第 " + shown.number() + " 版（" + shown.stateLabel() + "）"));
    sheet.table(new float[] {1.1f, 2f, 1.1f, 2f}, null, facts);
    if (shown == null) {
      return;
    }
    sheet.paragraph("总体目标：" + blank(shown.overallGoal()));
    List<List<String>> rows = new ArrayList<>();
    for (GoalSetView.IndicatorView i : shown.indicators()) {
      rows.add(List.of(i.level1Label(), i.level2Label(), i.name(), blank(i.target()),
          i.weight() == null ? "" : i.weight().stripTrailingZeros().toPlainString()));
    }
    sheet.table(new float[] {1f, 1f, 2.2f, 1.6f, 0.7f}, List.of("一级指标", "二级指标", "指标名称", "目标值", "权重"), rows);
  }

  private static void monitoring(PdfSheet sheet, MonitoringView m) {
    sheet.heading("三、运行监控（" + m.budgetYear() + " 年度，编号 " + m.code() + "）");
    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("预算金额（元）", money(m.budgetAmount()), "可用预算（元）", money(m.availableBudget())));
    facts.add(List.of("重点监控", m.keyMonitoring() ? "是" + (m.keyReasonLabel() == null ? "" : "（" + m.keyReasonLabel() + "）") : "否",
        "拨款状态", blank(m.paymentStateLabel())));
    facts.add(List.of("已收回（元）", money(m.reclaimedTotal()), "现场核查", m.onSiteCheck() ? "是" : "否"));
    sheet.table(new float[] {1.1f, 2f, 1.1f, 2f}, null, facts);
    List<List<String>> rows = new ArrayList<>();
    for (MonitoringView.Round r : m.rounds()) {
      rows.add(List.of("第 " + r.roundNo() + " 轮" + (r.extra() ? "（加轮）" : ""),
          r.asOfDate() == null ? "" : r.asOfDate().toString(), percent(r.executionRate()), percent(r.timeElapsed()),
          percent(r.indicatorCompletion()), blank(r.lightLabel()), blank(r.statusLabel())));
    }
    if (!rows.isEmpty()) {
      sheet.table(new float[] {1f, 1.1f, 0.9f, 0.9f, 1f, 0.7f, 1.4f},
          List.of("轮次", "数据截至", "执行率", "序时进度", "指标完成率", "灯色", "状态"), rows);
    }
  }

  private static void opinions(PdfSheet sheet, List<ProjectPage.OpinionLine> opinions) {
    sheet.heading("四、审批意见");
    if (opinions.isEmpty()) {
      sheet.paragraph("尚无审批意见。");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    int n = 1;
    for (ProjectPage.OpinionLine o : opinions) {
      String opinion = o.decisionLabel() + (o.comment() == null || o.comment().isBlank() ? "" : "：" + o.comment())
          + (o.conclusion() == null || o.conclusion().isBlank() ? "" : "\n结论：" + o.conclusion());
      rows.add(List.of(String.valueOf(n++), o.stepName() + (o.round() == null ? "" : "\n（第 " + o.round() + (o.stage()
          .equals(Stage.GOALS.name()) ? " 版）" : " 轮）")), opinion, blank(o.actorName()), blank(o.actorRoleLabel()),
          time(o.givenAt())));
    }
    sheet.table(new float[] {0.55f, 1.4f, 3.2f, 0.8f, 1.2f, 1.25f},
        List.of("序号", "环节", "办理意见", "办理人", "角色", "办理时间"), rows);
  }

  static String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(CHINA).format(TIME);
  }

  static OffsetDateTime offset(Date d) {
    return d == null ? null : d.toInstant().atZone(CHINA).toOffsetDateTime();
  }

  static String money(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
  }

  private static String percent(BigDecimal ratio) {
    return ratio == null ? "" : ratio.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
  }

  private static String yes(Boolean b) {
    return b == null ? "—" : b ? "是" : "否";
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }
}
