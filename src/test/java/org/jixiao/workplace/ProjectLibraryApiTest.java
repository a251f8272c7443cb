package org.jixiao.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jixiao.PlatformTest;
import org.jixiao.TasklistSession;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.IdentityNames;
import org.jixiao.project.Project;
import org.jixiao.project.ProjectSearch;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/library} over HTTP on the demo data: the search and its filters, the 400s for bad filters, who sees
 * what (checked against {@link Caller#mayRead} for each role, so the test follows the access rules wherever they
 * go), the project page, the .xlsx export read back and the 审批单 PDF read back with PDFBox.
 */
@PlatformTest
class ProjectLibraryApiTest {

  @Autowired TestRestTemplate http;
  @Autowired CallerLookup callers;
  @Autowired ProjectService projects;
  @Autowired IdentityService identityService;

  @Test
  void theFinanceBureauFindsAProjectByNameWithItsLabels() {
    JsonNode result = get("qijiang-perf", "/api/library/projects?q=基层医疗").getBody();

    assertThat(codes(result)).contains("QIJIANG-2026-002").allMatch(c -> c.startsWith("QIJIANG-"));
    JsonNode row = row(result, "QIJIANG-2026-002");
    assertThat(row.get("name").asText()).isEqualTo("基层医疗卫生机构能力提升项目");
    assertThat(row.get("districtName").asText()).isEqualTo("綦江区");
    assertThat(row.get("departmentName").asText()).isEqualTo("綦江区卫生健康委员会本级");
    assertThat(row.get("statusLabel").asText()).isEqualTo("已退回修改");
    assertThat(row.get("stageLabel").asText()).isEqualTo("事前绩效评估");
    assertThat(row.get("itemTypeLabel").asText()).isEqualTo("专项政策");
    assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("32000000");
  }

  @Test
  void theFiltersNarrowTheListAndTheCodeFindsItToo() {
    assertThat(codes(get("qijiang-perf", "/api/library/projects?q=qijiang-2026-00&size=200").getBody()))
        .contains("QIJIANG-2026-001", "QIJIANG-2026-005");
    assertThat(codes(get("qijiang-perf", "/api/library/projects?district=qijiang&status=RETURNED&stage=EX_ANTE&size=200")
        .getBody())).contains("QIJIANG-2026-002").doesNotContain("QIJIANG-2026-001");
    assertThat(codes(get("qijiang-perf", "/api/library/projects?department=qijiang-education&size=200").getBody()))
        .contains("QIJIANG-2026-001", "QIJIANG-2026-003").doesNotContain("QIJIANG-2026-002");
    // the range includes both ends: 450,000 (003) and 6,800,000 (001), not 380,000 (005) nor 32 million (002)
    List<String> inRange = codes(get("qijiang-perf",
        "/api/library/projects?district=qijiang&q=QIJIANG-2026&minAmount=450000&maxAmount=6800000.00&size=200").getBody());
    assertThat(inRange).contains("QIJIANG-2026-001", "QIJIANG-2026-003")
        .doesNotContain("QIJIANG-2026-005", "QIJIANG-2026-002", "QIJIANG-2026-004");
    JsonNode year = get("qijiang-perf", "/api/library/projects?q=QIJIANG-2026&year=2027&size=200").getBody();
    assertThat(codes(year)).contains("QIJIANG-2026-003", "QIJIANG-2026-005");
    year.get("rows").forEach(r -> assertThat(r.get("budgetYear").asInt()).isEqualTo(2027));
    // a LIKE wildcard in the text is only a character
    assertThat(get("qijiang-perf", "/api/library/projects?q=_").getBody().get("total").asInt()).isZero();
  }

  @Test
  void theListIsSortedAndPaged() {
    JsonNode byAmount = get("qijiang-perf", "/api/library/projects?district=qijiang&q=QIJIANG-2026&sort=-amount&size=200")
        .getBody();
    List<BigDecimal> amounts = new ArrayList<>();
    byAmount.get("rows").forEach(r -> amounts.add(r.get("amount").decimalValue()));
    assertThat(amounts).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(codes(byAmount).get(0)).isEqualTo("QIJIANG-2026-004");

    JsonNode all = get("qijiang-perf", "/api/library/projects?district=qijiang&q=QIJIANG-2026&size=200").getBody();
    JsonNode second = get("qijiang-perf", "/api/library/projects?district=qijiang&q=QIJIANG-2026&size=2&page=1").getBody();
    assertThat(second.get("total").asInt()).isEqualTo(all.get("total").asInt());
    assertThat(second.get("size").asInt()).isEqualTo(2);
    assertThat(second.get("pages").asInt()).isEqualTo((all.get("total").asInt() + 1) / 2);
    assertThat(codes(second)).containsExactlyElementsOf(codes(all).subList(2, 4));
    assertThat(codes(all)).isSorted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"status=FOO|status|项目状态无效", "stage=X|stage|所处阶段无效", "year=1999|year|预算年度应在",
      "year=abc|year|预算年度必须是整数", "minAmount=abc|minAmount|金额下限必须是以元为单位的数字",
      "minAmount=-1|minAmount|金额下限不能为负数", "maxAmount=1.001|maxAmount|最多 16 位整数、两位小数",
      "minAmount=10&maxAmount=5|maxAmount|金额上限不能小于金额下限", "size=500|size|每页条数应在 1 到 200 之间",
      "page=-1|page|页码应在", "sort=price|sort|排序方式无效"})
  void aBadFilterIs400WithAChineseMessageForItsField(String example) {
    String[] parts = example.split("\\|");
    ResponseEntity<JsonNode> response = get("qijiang-perf", "/api/library/projects?" + parts[0]);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("error").asText()).isEqualTo("请求有误");
    assertThat(response.getBody().get("message").asText()).contains(parts[2]);
    assertThat(response.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo(parts[1]);
    assertThat(get("qijiang-perf", "/api/library/projects.xlsx?" + parts[0]).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void anotherDistrictAsAFilterReadsAsOneThatDoesNotExist() {
    ResponseEntity<JsonNode> other = get("qijiang-perf", "/api/library/projects?district=jilin");
    ResponseEntity<JsonNode> none = get("qijiang-perf", "/api/library/projects?district=nowhere");

    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(other.getBody().get("message").asText()).isEqualTo("辖区不存在：jilin");
    assertThat(none.getStatusCode().value()).isEqualTo(400);
    assertThat(none.getBody().get("message").asText()).isEqualTo("辖区不存在：nowhere");
    ResponseEntity<JsonNode> department = get("qijiang-perf", "/api/library/projects?department=jilin-education");
    assertThat(department.getStatusCode().value()).isEqualTo(400);
    assertThat(department.getBody().get("message").asText()).isEqualTo("部门不存在：jilin-education");
  }

  /**
   * For each role, the list is exactly the projects {@link Caller#mayRead} lets the caller read: a unit its own
   * department's, a supervising department its units', finance its district's, nobody another district's.
   */
  @ParameterizedTest
  @ValueSource(strings = {"qijiang-edu", "qijiang-health", "qijiang-supervisor", "qijiang-perf", "qijiang-expert1",
      "jilin-perf", "jilin-edu"})
  void everyRoleSeesExactlyWhatItMayRead(String user) {
    Caller caller = callers.of(user);
    Set<String> all = identityService.createTenantQuery().list().stream().map(Tenant::getId).collect(Collectors.toSet());
    Set<String> expected = projects.search(new ProjectSearch(all, null, null, null, null, null, null, null)).stream()
        .filter(p -> caller.mayRead(p.getDistrict(), p.getDepartment())).map(Project::getCode)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> notReadable = projects.search(new ProjectSearch(all, null, null, null, null, null, null, null)).stream()
        .filter(p -> !caller.mayRead(p.getDistrict(), p.getDepartment())).map(Project::getCode)
        .collect(Collectors.toCollection(TreeSet::new));

    JsonNode result = get(user, "/api/library/projects?size=200").getBody();
    assertThat(result.get("total").asInt()).isEqualTo(expected.size());
    assertThat(new TreeSet<>(codes(result))).isSubsetOf(expected);
    assertThat(expected).isNotEmpty();
    assertThat(notReadable).isNotEmpty();
    String hidden = notReadable.iterator().next();
    ResponseEntity<JsonNode> page = get(user, "/api/library/projects/" + hidden);
    assertThat(page.getStatusCode().value()).isEqualTo(404);
    assertThat(page.getBody().get("message").asText()).isEqualTo("项目不存在：" + hidden);
    assertThat(get(user, "/api/library/projects/" + hidden + "/approval-record/ex-ante.pdf").getStatusCode().value())
        .isEqualTo(404);
    // the filters offer only what the caller may read
    JsonNode options = get(user, "/api/library/options").getBody();
    options.get("departments").forEach(d -> assertThat(caller.mayRead(d.get("district").asText(),
        d.get("value").asText())).isTrue());
    options.get("districts").forEach(d -> assertThat(caller.worksIn(d.get("value").asText())).isTrue());
  }

  @Test
  void aUserInNoDistrictFindsNothing() {
    String user = "library-nowhere";
    if (identityService.createUserQuery().userId(user).count() == 0) {
      org.camunda.bpm.engine.identity.User created = identityService.newUser(user);
      created.setFirstName("无辖区");
      created.setPassword("Nowhere-2026-Pass!");
      identityService.saveUser(created);
      identityService.createMembership(user, org.jixiao.identity.Role.FINANCE_PERFORMANCE.groupId());
    }
    ResponseEntity<JsonNode> list = http.withBasicAuth(user, "Nowhere-2026-Pass!")
        .getForEntity("/api/library/projects", JsonNode.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody().get("total").asInt()).isZero();
    assertThat(http.withBasicAuth(user, "Nowhere-2026-Pass!").getForEntity("/api/library/projects/QIJIANG-2026-001",
        JsonNode.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aUnitSeesItsOwnDepartmentAndAnotherDistrictsProjectIsTheSame404AsAnUnknownCode() {
    JsonNode own = get("qijiang-edu", "/api/library/projects?size=200").getBody();
    own.get("rows").forEach(r -> assertThat(r.get("department").asText()).isEqualTo("qijiang-education"));
    assertThat(codes(own)).contains("QIJIANG-2026-001").doesNotContain("QIJIANG-2026-002");

    ResponseEntity<JsonNode> foreign = get("jilin-perf", "/api/library/projects/QIJIANG-2026-001");
    ResponseEntity<JsonNode> unknown = get("jilin-perf", "/api/library/projects/NO-SUCH-PROJECT");
    assertThat(foreign.getStatusCode().value()).isEqualTo(404);
    assertThat(foreign.getBody().get("message").asText()).isEqualTo("项目不存在：QIJIANG-2026-001");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().get("message").asText()).isEqualTo("项目不存在：NO-SUCH-PROJECT");
  }

  @Test
  void aProjectsPageShowsItsRecordOpinionsOfEveryStageGoalsFundingTasksAndLinks() {
    JsonNode page = get("qijiang-perf", "/api/library/projects/QIJIANG-2026-005").getBody();

    assertThat(page.get("project").get("name").asText()).isEqualTo("教育信息化系统运维项目");
    assertThat(page.get("districtName").asText()).isEqualTo("綦江区");
    assertThat(page.get("project").get("ruleResults").get("exAnteRequired").isBoolean()).isTrue();
    assertThat(page.get("funding").get("eligible").isBoolean()).isTrue();
    assertThat(page.get("goals")).isNotEmpty();
    assertThat(page.get("goals").get(0).get("code").asText()).isEqualTo("QIJIANG-2026-005-2027");
    List<String> comments = new ArrayList<>();
    page.get("opinions").forEach(o -> comments.add(o.get("stageLabel").asText() + "|" + o.get("actorRoleLabel").asText()
        + "|" + o.path("comment").asText()));
    assertThat(comments).contains("绩效目标管理|主管部门|目标与部门职责相符，同意报送财政。");
    page.get("tasks").forEach(t -> assertThat(t.get("tasklistUrl").asText())
        .isEqualTo("/camunda/app/tasklist/default/#/?task=" + t.get("id").asText()));
    assertThat(page.get("cockpitUrl").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + page.get("project").get("processInstanceId").asText());
    List<String> records = new ArrayList<>();
    page.get("approvalRecords").forEach(r -> records.add(r.get("url").asText()));
    assertThat(records).contains("/api/library/projects/QIJIANG-2026-005/approval-record/ex-ante.pdf",
        "/api/library/projects/QIJIANG-2026-005/approval-record/goals.pdf");

    // a budget unit may not use Cockpit: no link
    JsonNode unit = get("qijiang-edu", "/api/library/projects/QIJIANG-2026-005").getBody();
    assertThat(unit.has("cockpitUrl")).isFalse();
    assertThat(unit.get("project").get("code").asText()).isEqualTo("QIJIANG-2026-005");
  }

  @Test
  void theExportIsTheFilteredListWithChineseHeadersAndAmountsAsNumbers() throws IOException {
    ResponseEntity<byte[]> response = http.withBasicAuth("qijiang-perf", "demo")
        .getForEntity("/api/library/projects.xlsx?district=qijiang&q=QIJIANG-2026&sort=code", byte[].class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("项目库.xlsx");
    JsonNode list = get("qijiang-perf", "/api/library/projects?district=qijiang&q=QIJIANG-2026&size=200").getBody();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getBody()),
        new ReadingOptions(true, false))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCell(0).getText()).isEqualTo("项目编码");
      assertThat(rows.get(0).getCell(8).getText()).isEqualTo("申报金额（元）");
      assertThat(rows).hasSize(list.get("total").asInt() + 1);
      Row r002 = rows.stream().filter(r -> "QIJIANG-2026-002".equals(r.getCell(0).getText())).findFirst().orElseThrow();
      assertThat(r002.getCell(1).getText()).isEqualTo("基层医疗卫生机构能力提升项目");
      assertThat(r002.getCell(3).getText()).isEqualTo("綦江区卫生健康委员会本级");
      assertThat(r002.getCell(5).getText()).isEqualTo("已退回修改");
      assertThat(r002.getCell(8).getType()).isEqualTo(CellType.NUMBER);
      assertThat(r002.getCell(8).asNumber()).isEqualByComparingTo("32000000");
      assertThat(r002.getCell(7).asNumber()).isEqualByComparingTo(
          String.valueOf(row(list, "QIJIANG-2026-002").get("budgetYear").asInt()));
    }
  }

  @Test
  void theExAnteRecordIsAPdfWithTheOpinionTheActorAndAnEmbeddedChineseFont() throws IOException {
    ResponseEntity<byte[]> response = http.withBasicAuth("qijiang-perf", "demo")
        .getForEntity("/api/library/projects/QIJIANG-2026-002/approval-record/ex-ante.pdf", byte[].class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("事前绩效评估审批单-QIJIANG-2026-002.pdf");
    String supervisor = new IdentityNames(identityService).user("qijiang-supervisor-health");
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      String text = text(pdf, "ex-ante");
      assertThat(text).contains("事前绩效评估审批单", "基层医疗卫生机构能力提升项目", "QIJIANG-2026-002", "綦江区卫生健康委员会本级",
          "主管部门綦江区卫生健康委员会", "32,000,000.00", "绩效目标不够具体，请补充可量化的产出指标。", supervisor, "主管部门", "退回修改", "专项政策金额大于等于300万元",
          "立项必要，方案基本可行");
      assertEmbeddedFonts(pdf);
    }
    // small: the font is a subset of the 5 MB collection
    assertThat(response.getBody().length).isLessThan(400_000);
  }

  @Test
  void theGoalsRecordListsTheApprovedIndicatorsAndTheReviewersOpinions() throws IOException {
    ResponseEntity<byte[]> response = http.withBasicAuth("qijiang-supervisor", "demo")
        .getForEntity("/api/library/projects/QIJIANG-2026-005/approval-record/goals.pdf", byte[].class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      String text = text(pdf, "goals");
      assertThat(text).contains("绩效目标审批单", "QIJIANG-2026-005-2027", "系统可用率", "目标与部门职责相符，同意报送财政。",
          new IdentityNames(identityService).user("qijiang-perf"), "财政局绩效科");
      assertEmbeddedFonts(pdf);
    }
  }

  @Test
  void theMonitoringRecordShowsTheYearsMonitoring() throws IOException {
    JsonNode page = get("qijiang-perf", "/api/library/projects/QIJIANG-2026-005").getBody();
    assertThat(page.get("monitoring")).isNotEmpty();
    String code = page.get("monitoring").get(0).get("code").asText();

    ResponseEntity<byte[]> response = http.withBasicAuth("qijiang-perf", "demo")
        .getForEntity("/api/library/projects/QIJIANG-2026-005/approval-record/monitoring.pdf", byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      assertThat(text(pdf, "monitoring")).contains("绩效运行监控审批单", "运行监控（2027年度，编号" + code + "）", "四、审批意见");
      assertEmbeddedFonts(pdf);
    }
  }

  @Test
  void aRecordTheProjectDoesNotHaveIs404AndAnUnknownStageIs400() {
    ResponseEntity<JsonNode> monitoring = get("qijiang-perf", "/api/library/projects/QIJIANG-2026-002/approval-record/monitoring.pdf");
    assertThat(monitoring.getStatusCode().value()).isEqualTo(404);
    assertThat(monitoring.getBody().get("message").asText()).isEqualTo("该项目尚无运行监控记录：QIJIANG-2026-002");

    ResponseEntity<JsonNode> stage = get("qijiang-perf", "/api/library/projects/QIJIANG-2026-002/approval-record/audit.pdf");
    assertThat(stage.getStatusCode().value()).isEqualTo(400);
    assertThat(stage.getBody().get("message").asText()).startsWith("审批单阶段无效：audit");

    ResponseEntity<JsonNode> foreign = get("jilin-perf", "/api/library/projects/QIJIANG-2026-002/approval-record/ex-ante.pdf");
    assertThat(foreign.getStatusCode().value()).isEqualTo(404);
    assertThat(foreign.getBody().get("message").asText()).isEqualTo("项目不存在：QIJIANG-2026-002");
  }

  @Test
  void aUserLoggedIntoTasklistReadsTheLibraryWithoutASecondLoginAndNobodyElseDoes() {
    TasklistSession session = TasklistSession.login(http, "qijiang-perf", "demo");
    ResponseEntity<String> read = session.get("/api/library/projects?q=" + "QIJIANG-2026-002");
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).contains("QIJIANG-2026-002");

    ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/library/projects", JsonNode.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getBody().get("error").asText()).isEqualTo("未登录");
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    // the page's own script asks without the Basic challenge (no browser password dialog): it shows its login hint
    org.springframework.http.HttpHeaders script = new org.springframework.http.HttpHeaders();
    script.set("X-Requested-With", "XMLHttpRequest");
    ResponseEntity<JsonNode> fromScript = http.exchange("/api/library/projects", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(script), JsonNode.class);
    assertThat(fromScript.getStatusCode().value()).isEqualTo(401);
    assertThat(fromScript.getHeaders().containsKey("WWW-Authenticate")).isFalse();
    // the page itself is static and holds no data
    assertThat(http.getForEntity("/jixiao/library/index.html", String.class).getStatusCode().value()).isEqualTo(200);
  }

  /** The PDF's text without white space (table cells wrap anywhere), the PDF kept in target/ to look at. */
  private static String text(PDDocument pdf, String name) throws IOException {
    java.nio.file.Path folder = java.nio.file.Path.of("target", "approval-records");
    java.nio.file.Files.createDirectories(folder);
    pdf.save(folder.resolve(name + ".pdf").toFile());
    return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
  }

  private static void assertEmbeddedFonts(PDDocument pdf) throws IOException {
    int fonts = 0;
    for (PDPage page : pdf.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as("font %s", font.getName()).isTrue();
        fonts++;
      }
    }
    assertThat(fonts).isPositive();
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private static List<String> codes(JsonNode result) {
    List<String> codes = new ArrayList<>();
    result.get("rows").forEach(r -> codes.add(r.get("code").asText()));
    return codes;
  }

  private static JsonNode row(JsonNode result, String code) {
    for (JsonNode r : result.get("rows")) {
      if (r.get("code").asText().equals(code)) {
        return r;
      }
    }
    throw new AssertionError("no row " + code + " in " + result);
  }
}
