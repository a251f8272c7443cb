package org.jixiao.goal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.BudgetStage;
import org.jixiao.project.FundSource;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 绩效目标公开 over HTTP: goal sets of one district and year in every state, and only the approved versions
 * come out — as JSON and as an .xlsx read back cell by cell. The budget year 2031 is this class's own, so
 * the counts are exact although the tests share one database.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoalPublicationTest {

  static final int YEAR = 2031;
  static final String URL = "/api/goal-publication/qijiang/" + YEAR;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate http;
  @Autowired ProjectService projects;
  @Autowired GoalSetting setting;
  @Autowired GoalAdjustments adjustments;
  @Autowired TaskService taskService;
  @Autowired CallerLookup callers;
  @Autowired ObjectMapper json;
  @Autowired Goals fixture;

  String approved;
  String revisedThenApproved;
  String drafting;
  String underReview;
  String returned;
  String adjustmentPending;
  String adjustedAndApproved;
  String adjustmentRefused;
  String wholeDepartment;
  String otherDistrict;
  String otherYear;

  /** Codes sort in the order of the letters after PUB-; the department's goals ("qijiang-health-…") come last. */
  @BeforeAll
  void goalSetsInEveryState() {
    approved = listed("qijiang", "A", "教师业务骨干培训", "98765.43");
    approve(approved, Goals.VALID);

    revisedThenApproved = listed("qijiang", "B", "乡村教师能力提升培训", "45000.00");
    fixture.submit(revisedThenApproved, Goals.VALID);
    fixture.decide(revisedThenApproved, "RETURN");
    fixture.submit(revisedThenApproved, Goals.REVISED);
    fixture.decide(revisedThenApproved, "APPROVE");
    fixture.decide(revisedThenApproved, "APPROVE");

    drafting = listed("qijiang", "C", "尚在编制的项目", "30000.00");

    underReview = listed("qijiang", "D", "审核中的项目", "31000.00");
    fixture.submit(underReview, Goals.VALID);

    returned = listed("qijiang", "E", "退回修改的项目", "32000.00");
    fixture.submit(returned, Goals.VALID);
    fixture.decide(returned, "RETURN");

    adjustmentPending = listed("qijiang", "F", "调整审核中的项目", "60000.00");
    approve(adjustmentPending, Goals.VALID);
    adjustments.requestAdjustment(adjustmentPending, new AdjustmentRequest("培训改为线上，人次调增",
        adjusted("尚未批复的调整后目标", 777)), callers.of("qijiang-edu"));

    adjustedAndApproved = listed("qijiang", "G", "已调整的培训项目", "70000.50");
    approve(adjustedAndApproved, Goals.VALID);
    adjustments.requestAdjustment(adjustedAndApproved, new AdjustmentRequest("受场地改造影响，培训改为线上线下结合",
        adjusted("调整后：线上线下结合完成教师培训", 999)), callers.of("qijiang-edu"));
    decideAdjustment(adjustedAndApproved, "APPROVE");

    adjustmentRefused = listed("qijiang", "H", "调整未获同意的项目", "80000.00");
    approve(adjustmentRefused, Goals.VALID);
    adjustments.requestAdjustment(adjustmentRefused, new AdjustmentRequest("希望降低培训人次",
        adjusted("不予调整的目标内容", 555)), callers.of("qijiang-edu"));
    decideAdjustment(adjustmentRefused, "REJECT");

    wholeDepartment = setting.open(new OpenGoalSetRequest(null, "qijiang", "qijiang-health", YEAR,
        new BigDecimal("52000000.00")), callers.of("qijiang-health")).code();
    approve(wholeDepartment, DEPARTMENT);

    otherDistrict = listed("gaomi", "A", "高密市教师培训", "50000.00");
    approve(otherDistrict, Goals.VALID);

    otherYear = fixture.approved("qijiang");
  }

  @Test
  void theJsonHasExactlyTheApprovedVersionsOfTheDistrictAndYear() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("qijiang-perf", "demo").getForEntity(URL, JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode body = response.getBody();
    assertThat(body.get("district").asText()).isEqualTo("qijiang");
    assertThat(body.get("districtName").asText()).isEqualTo("綦江区");
    assertThat(body.get("budgetYear").asInt()).isEqualTo(YEAR);
    assertThat(body.get("generatedAt").asText()).isNotBlank();
    assertThat(codes(body)).containsExactly(approved, revisedThenApproved, adjustmentPending, adjustedAndApproved,
        adjustmentRefused, wholeDepartment);
    int indicators = 0;
    for (JsonNode set : body.get("goalSets")) {
      indicators += set.get("indicators").size();
    }
    assertThat(indicators).isEqualTo(4 + 4 + 4 + 3 + 4 + 5);

    JsonNode a = set(body, approved);
    assertThat(a.get("subject").asText()).isEqualTo("PROJECT");
    assertThat(a.get("subjectLabel").asText()).isEqualTo("项目支出");
    assertThat(a.get("projectCode").asText()).isEqualTo(approved.substring(0, approved.length() - 5));
    assertThat(a.get("projectName").asText()).isEqualTo("教师业务骨干培训");
    assertThat(a.get("department").asText()).isEqualTo("qijiang-education");
    assertThat(a.get("departmentName").asText()).isEqualTo("綦江区教育局本级");
    assertThat(a.get("budgetAmount").decimalValue()).isEqualByComparingTo("98765.43");
    assertThat(a.get("overallGoal").asText()).isEqualTo("完成全区教师业务骨干培训，提升课堂教学能力");
    assertThat(a.get("version").asInt()).isEqualTo(1);
    assertThat(OffsetDateTime.parse(a.get("approvedAt").asText())).isBefore(OffsetDateTime.now().plusMinutes(1));
    assertThat(names(a)).containsExactly("培训人次", "培训合格率", "教学能力提升", "参训人员满意度");
    JsonNode trainees = a.get("indicators").get(0);
    assertThat(trainees.get("level1Label").asText()).isEqualTo("产出指标");
    assertThat(trainees.get("level2Label").asText()).isEqualTo("数量指标");
    assertThat(trainees.get("target").asText()).isEqualTo("≥ 300 人次");
    assertThat(trainees.get("comparator").asText()).isEqualTo("GE");
    assertThat(trainees.get("targetValue").decimalValue()).isEqualByComparingTo("300");
    assertThat(trainees.get("unit").asText()).isEqualTo("人次");
    assertThat(trainees.get("weight").decimalValue()).isEqualByComparingTo("30");
    JsonNode qualitative = a.get("indicators").get(2);
    assertThat(qualitative.get("level1Label").asText()).isEqualTo("效益指标");
    assertThat(qualitative.get("comparator").asText()).isEqualTo("QUALITATIVE");
    assertThat(qualitative.get("target").asText()).isEqualTo("定性：明显提升");
    assertThat(qualitative.get("targetText").asText()).isEqualTo("明显提升");

    JsonNode revised = set(body, revisedThenApproved);
    assertThat(revised.get("version").asInt()).isEqualTo(2);
    assertThat(names(revised)).containsExactly("培训人次", "培训按期完成率", "教学能力提升", "参训人员满意度");
    assertThat(revised.get("indicators").get(0).get("target").asText()).isEqualTo("≥ 400 人次");
  }

  @Test
  void aPendingOrRefusedAdjustmentLeavesTheApprovedVersionAndAnApprovedOneReplacesIt() {
    JsonNode body = http.withBasicAuth("qijiang-perf", "demo").getForEntity(URL, JsonNode.class).getBody();

    JsonNode pending = set(body, adjustmentPending);
    assertThat(pending.get("version").asInt()).isEqualTo(1);
    assertThat(pending.get("overallGoal").asText()).isEqualTo("完成全区教师业务骨干培训，提升课堂教学能力");
    assertThat(pending.get("indicators").get(0).get("target").asText()).isEqualTo("≥ 300 人次");

    JsonNode refused = set(body, adjustmentRefused);
    assertThat(refused.get("version").asInt()).isEqualTo(1);
    assertThat(names(refused)).containsExactly("培训人次", "培训合格率", "教学能力提升", "参训人员满意度");

    JsonNode adjusted = set(body, adjustedAndApproved);
    assertThat(adjusted.get("version").asInt()).isEqualTo(2);
    assertThat(adjusted.get("overallGoal").asText()).isEqualTo("调整后：线上线下结合完成教师培训");
    assertThat(names(adjusted)).containsExactly("培训人次", "教学能力提升", "参训人员满意度");
    assertThat(adjusted.get("indicators").get(0).get("target").asText()).isEqualTo("≥ 999 人次");

    String text = body.toString();
    assertThat(text).doesNotContain("尚未批复的调整后目标", "≥ 777", "不予调整的目标内容", "≥ 555");
  }

  @Test
  void aDepartmentsWholeBudgetGoalsArePublishedAsDepartmentWhole() {
    JsonNode body = http.withBasicAuth("qijiang-perf", "demo").getForEntity(URL, JsonNode.class).getBody();

    JsonNode department = set(body, wholeDepartment);
    assertThat(department.get("subject").asText()).isEqualTo("DEPARTMENT");
    assertThat(department.get("subjectLabel").asText()).isEqualTo("部门整体支出");
    assertThat(department.has("projectCode")).isFalse();
    assertThat(department.get("projectName").asText()).isEqualTo("部门整体");
    assertThat(department.get("departmentName").asText()).isEqualTo("綦江区卫生健康委员会本级");
    assertThat(department.get("budgetAmount").decimalValue()).isEqualByComparingTo("52000000.00");
    assertThat(department.get("indicators")).hasSize(5);
    assertThat(department.get("indicators").get(2).get("target").asText()).isEqualTo("≤ 350000 元");
  }

  @Test
  void everyoneOfTheDistrictSeesEveryDepartmentsPublishedGoalsAndOtherDistrictsHaveTheirOwn() {
    JsonNode asOtherUnit = http.withBasicAuth("qijiang-health", "demo").getForEntity(URL, JsonNode.class).getBody();
    JsonNode asCongress = http.withBasicAuth("qijiang-npc", "demo").getForEntity(URL, JsonNode.class).getBody();
    JsonNode gaomi = http.withBasicAuth("gaomi-perf", "demo")
        .getForEntity("/api/goal-publication/gaomi/" + YEAR, JsonNode.class).getBody();

    assertThat(codes(asOtherUnit)).contains(approved, adjustedAndApproved).hasSize(6);
    assertThat(codes(asCongress)).isEqualTo(codes(asOtherUnit));
    assertThat(codes(asOtherUnit)).doesNotContain(drafting, underReview, returned, otherDistrict, otherYear);
    assertThat(gaomi.get("districtName").asText()).isEqualTo("高密市");
    assertThat(codes(gaomi)).containsExactly(otherDistrict);
  }

  @Test
  void theSpreadsheetHasTheTitleTheChineseHeadersAndOneRowPerIndicator() throws IOException {
    ResponseEntity<byte[]> response = http.withBasicAuth("qijiang-npc", "demo").getForEntity(URL + "/xlsx", byte[].class);
    JsonNode published = http.withBasicAuth("qijiang-npc", "demo").getForEntity(URL, JsonNode.class).getBody();

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).isEqualTo(
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment;").contains("filename=\"goals-qijiang-2031.xlsx\"")
        .contains("filename*=UTF-8''%E7%B6%A6%E6%B1%9F%E5%8C%BA2031");
    assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("綦江区2031年度绩效目标公开表.xlsx");

    List<Row> rows;
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getBody()),
        new ReadingOptions(true, false))) {
      assertThat(workbook.getSheets().map(Sheet::getName).toList()).containsExactly("绩效目标");
      rows = workbook.getFirstSheet().read();
    }
    assertThat(text(rows.get(0), 0)).isEqualTo("綦江区 2031 年度绩效目标公开表");
    List<String> headers = new ArrayList<>();
    for (int c = 0; c < 14; c++) {
      headers.add(text(rows.get(1), c));
    }
    assertThat(headers).containsExactly("序号", "目标编号", "项目编码", "项目名称", "预算单位", "预算金额（元）", "总体目标",
        "一级指标", "二级指标", "三级指标", "指标值", "权重", "批复版本", "批复日期");
    List<Row> data = rows.subList(2, rows.size());
    assertThat(data).hasSize(4 + 4 + 4 + 3 + 4 + 5);

    // the goal set's columns are filled on its first row and merged over the rest
    List<String> codes = data.stream().map(r -> text(r, 1)).filter(c -> !c.isEmpty()).toList();
    assertThat(codes).containsExactly(approved, revisedThenApproved, adjustmentPending, adjustedAndApproved,
        adjustmentRefused, wholeDepartment);
    Row first = data.get(0);
    assertThat(first.getCell(0).asNumber()).isEqualByComparingTo("1");
    assertThat(text(first, 2)).isEqualTo(approved.substring(0, approved.length() - 5));
    assertThat(text(first, 3)).isEqualTo("教师业务骨干培训");
    assertThat(text(first, 4)).isEqualTo("綦江区教育局本级");
    Cell amount = first.getCell(5);
    assertThat(amount.getType()).isEqualTo(CellType.NUMBER);
    assertThat(amount.asNumber()).isEqualByComparingTo("98765.43");
    assertThat(amount.getDataFormatString()).isEqualTo("#,##0.00");
    assertThat(text(first, 6)).isEqualTo("完成全区教师业务骨干培训，提升课堂教学能力");
    assertThat(List.of(text(first, 7), text(first, 8), text(first, 9), text(first, 10)))
        .containsExactly("产出指标", "数量指标", "培训人次", "≥ 300 人次");
    assertThat(first.getCell(11).asNumber()).isEqualByComparingTo("30");
    assertThat(first.getCell(12).asNumber()).isEqualByComparingTo("1");
    assertThat(first.getCell(13).asDate().toLocalDate()).isEqualTo(OffsetDateTime.parse(
        set(published, approved).get("approvedAt").asText()).atZoneSameInstant(CHINA).toLocalDate());
    assertThat(text(data.get(1), 1)).isEmpty();
    assertThat(text(data.get(1), 9)).isEqualTo("培训合格率");
    assertThat(text(data.get(2), 10)).isEqualTo("定性：明显提升");

    Row adjusted = data.get(4 + 4 + 4);
    assertThat(text(adjusted, 1)).isEqualTo(adjustedAndApproved);
    assertThat(text(adjusted, 10)).isEqualTo("≥ 999 人次");
    assertThat(adjusted.getCell(12).asNumber()).isEqualByComparingTo("2");
    Row department = data.get(data.size() - 5);
    assertThat(text(department, 1)).isEqualTo(wholeDepartment);
    assertThat(text(department, 2)).isEmpty();
    assertThat(text(department, 3)).isEqualTo("部门整体");
    assertThat(text(department, 4)).isEqualTo("綦江区卫生健康委员会本级");
    assertThat(text(data.get(data.size() - 3), 10)).isEqualTo("≤ 350000 元");

    // merged: each amount once, so the column adds up to the goal sets' budgets
    BigDecimal total = BigDecimal.ZERO;
    for (Row r : data) {
      if (r.getCellCount() > 5 && r.getCell(5) != null && r.getCell(5).getType() == CellType.NUMBER) {
        total = total.add(r.getCell(5).asNumber());
      }
    }
    assertThat(total).isEqualByComparingTo(new BigDecimal("98765.43").add(new BigDecimal("45000.00"))
        .add(new BigDecimal("60000.00")).add(new BigDecimal("70000.50")).add(new BigDecimal("80000.00"))
        .add(new BigDecimal("52000000.00")));
  }

  @Test
  void anotherDistrictsUserIs403AnUnknownDistrict404AndWithoutLogin401() {
    ResponseEntity<JsonNode> otherDistrict = http.withBasicAuth("gaomi-perf", "demo").getForEntity(URL, JsonNode.class);
    ResponseEntity<JsonNode> otherUnit = http.withBasicAuth("jilin-edu", "demo")
        .getForEntity(URL + "/xlsx", JsonNode.class);
    ResponseEntity<JsonNode> unknown = http.withBasicAuth("qijiang-perf", "demo")
        .getForEntity("/api/goal-publication/nowhere/" + YEAR, JsonNode.class);
    ResponseEntity<JsonNode> anonymous = http.getForEntity(URL, JsonNode.class);
    ResponseEntity<JsonNode> anonymousFile = http.getForEntity(URL + "/xlsx", JsonNode.class);

    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(403);
    assertThat(otherDistrict.getBody().get("message").asText()).contains("无权查看其他辖区");
    assertThat(otherUnit.getStatusCode().value()).isEqualTo(403);
    assertThat(otherUnit.getBody().get("message").asText()).contains("无权查看其他辖区");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().get("message").asText()).contains("辖区不存在");
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getBody().get("message").asText()).contains("请先登录");
    assertThat(anonymousFile.getStatusCode().value()).isEqualTo(401);
  }

  /** A small training project of the year, listed at once, whose goal setting is open; returns the goal set code. */
  private String listed(String district, String key, String name, String amount) {
    String code = "PUB-" + key + "-" + System.nanoTime();
    projects.apply(new ApplyProjectRequest(code, name, district, district + "-education", ItemType.DEPARTMENT_PROJECT,
        BudgetStage.ANNUAL, new BigDecimal(amount), false, FundSource.GENERAL_PUBLIC_BUDGET, 1, null, YEAR,
        "TRAINING"), callers.of(Goals.UNIT_USER.get(district)));
    return code + "-" + YEAR;
  }

  /** Submitted, passed by the supervising department, approved by finance. */
  private void approve(String code, String draftJson) {
    fixture.submit(code, draftJson);
    fixture.decide(code, "APPROVE");
    fixture.decide(code, "APPROVE");
  }

  private void decideAdjustment(String code, String decision) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(GoalReviewProcess.ADJUSTMENT_KEY).singleResult();
    taskService.complete(task.getId(), Map.of(GoalReviewProcess.VAR_REVIEW_DECISION, decision,
        GoalReviewProcess.VAR_REVIEW_COMMENT, "意见：" + decision));
  }

  /** Three indicators instead of four, with its own overall goal and number of trainees. */
  private GoalDraft adjusted(String overallGoal, int trainees) {
    return draft("""
        {"overallGoal": "%s",
         "indicators": [
           {"level2": "QUANTITY", "name": "培训人次", "comparator": "GE", "targetValue": %d, "unit": "人次", "weight": 50},
           {"level2": "SOCIAL", "name": "教学能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 30},
           {"level2": "SERVICE_SATISFACTION", "name": "参训人员满意度", "comparator": "GE", "targetValue": 92, "unit": "%%", "weight": 20}
         ]}""".formatted(overallGoal, trainees));
  }

  /** A health commission's whole-budget goals: five indicators. */
  static final String DEPARTMENT = """
      {"overallGoal": "履行卫生健康管理职责，保障基本公共卫生服务，提升居民健康水平",
       "indicators": [
         {"level2": "QUANTITY", "name": "基本公共卫生服务项目完成数", "comparator": "GE", "targetValue": 12, "unit": "个", "weight": 20},
         {"level2": "TIMELINESS", "name": "预算执行率", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20},
         {"level2": "COST", "name": "“三公”经费支出", "comparator": "LE", "targetValue": 350000, "unit": "元", "weight": 20},
         {"level2": "SOCIAL", "name": "居民健康素养水平", "comparator": "GE", "targetValue": 30, "unit": "%", "weight": 20},
         {"level2": "SERVICE_SATISFACTION", "name": "群众满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  private GoalDraft draft(String text) {
    try {
      return json.readValue(text, GoalDraft.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> codes(JsonNode publication) {
    List<String> codes = new ArrayList<>();
    publication.get("goalSets").forEach(s -> codes.add(s.get("code").asText()));
    return codes;
  }

  private static JsonNode set(JsonNode publication, String code) {
    for (JsonNode s : publication.get("goalSets")) {
      if (s.get("code").asText().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("not published: " + code);
  }

  private static List<String> names(JsonNode set) {
    List<String> names = new ArrayList<>();
    set.get("indicators").forEach(i -> names.add(i.get("name").asText()));
    return names;
  }

  private static String text(Row row, int column) {
    if (column >= row.getCellCount()) {
      return "";
    }
    Cell cell = row.getCell(column);
    return cell == null || cell.getText() == null ? "" : cell.getText();
  }
}
