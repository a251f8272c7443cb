package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * 执行数据导入 over HTTP: valid .xlsx and CSV files previewed and applied once; each kind of bad row reported with its
 * row number and nothing stored; a preview older than its reports refused; who may import.
 */
@PlatformTest
class ExecutionImportTest {

  static final String PATH = "/api/monitoring/execution-imports";
  static final String BUDGET = "1000000.00";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired MonitoringFixtures fixture;

  @Test
  void aValidXlsxIsPreviewedWithoutChangingAnythingThenAppliedOnceToTheOpenReports() throws Exception {
    MonitoringReport a = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    MonitoringReport b = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    // Chinese headers, a project name column to ignore, amounts as numbers, dates as date cells and as text
    byte[] sheet = xlsx(List.of(
        new Object[] {"项目编码", "项目名称", "累计支付金额（元）", "截至日期"},
        new Object[] {a.getProjectCode(), "甲", new BigDecimal("320000.50"), LocalDate.of(2027, 7, 31)},
        new Object[] {b.getProjectCode(), "乙", new BigDecimal(BUDGET), "2027/7/31"}));

    ResponseEntity<JsonNode> preview = upload("qijiang-perf", "qijiang", "执行数据.xlsx", sheet);

    assertThat(preview.getStatusCode().value()).isEqualTo(201);
    JsonNode body = preview.getBody();
    assertThat(preview.getHeaders().getLocation()).hasPath(PATH + "/" + body.get("id").asLong());
    assertThat(body.get("status").asText()).isEqualTo("PREVIEW");
    assertThat(body.get("statusLabel").asText()).isEqualTo("待确认");
    assertThat(body.get("rowCount").asInt()).isEqualTo(2);
    JsonNode first = body.get("rows").get(0);
    assertThat(first.get("rowNo").asInt()).isEqualTo(2);
    assertThat(first.get("projectCode").asText()).isEqualTo(a.getProjectCode());
    assertThat(first.has("oldPaidToDate")).isFalse();
    assertThat(first.get("paidToDate").decimalValue()).isEqualByComparingTo("320000.50");
    assertThat(first.get("asOfDate").asText()).isEqualTo("2027-07-31");
    // 320,000.50 / 1,000,000.00 = 0.3200005 → 0.3200
    assertThat(first.get("executionRate").decimalValue()).isEqualByComparingTo("0.3200");
    assertThat(first.get("change").asText()).isEqualTo("未填报 → 320,000.50 元（执行率 32.00%）");
    // paid exactly the budget is allowed (one cent more is refused, below)
    assertThat(body.get("rows").get(1).get("executionRate").decimalValue()).isEqualByComparingTo("1.0000");
    assertThat(fixture.report(a.getId()).getPaidToDate()).isNull();

    long id = body.get("id").asLong();
    assertThat(get("qijiang-budget", PATH + "/" + id).getBody().get("rows").size()).isEqualTo(2);

    ResponseEntity<JsonNode> applied = post("qijiang-budget", PATH + "/" + id + "/apply");
    assertThat(applied.getStatusCode().value()).isEqualTo(200);
    assertThat(applied.getBody().get("status").asText()).isEqualTo("APPLIED");
    assertThat(applied.getBody().get("appliedBy").asText()).isEqualTo("qijiang-budget");
    MonitoringReport afterA = fixture.report(a.getId());
    assertThat(afterA.getPaidToDate()).isEqualByComparingTo("320000.50");
    assertThat(afterA.getPaidSource()).isEqualTo(PaidSource.IMPORT);
    assertThat(afterA.getPaidAsOf()).isEqualTo(LocalDate.of(2027, 7, 31));
    assertThat(fixture.report(b.getId()).getPaidToDate()).isEqualByComparingTo(BUDGET);

    ResponseEntity<JsonNode> again = post("qijiang-perf", PATH + "/" + id + "/apply");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("message").asText()).contains("不能重复导入");
    assertThat(fixture.report(a.getId()).getUpdatedAt()).isEqualTo(afterA.getUpdatedAt());
  }

  @Test
  void csvIsReadInUtf8WithBomWithEnglishHeadersAndInGbkAsExcelSavesIt() {
    MonitoringReport a = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    MonitoringReport b = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    String english = "\uFEFFprojectCode,paidToDate,asOfDate\r\n" + a.getProjectCode() + ",\"1,234.5\",2027-06-30\r\n";
    String chinese = "项目编码,累计支付金额（元）,截至日期\n" + b.getProjectCode() + ",99999.99,2027年6月30日\n";

    ResponseEntity<JsonNode> utf8 = upload("qijiang-perf", "qijiang", "paid.csv", english.getBytes(StandardCharsets.UTF_8));
    ResponseEntity<JsonNode> gbk = upload("qijiang-perf", "qijiang", "支付.csv", chinese.getBytes(Charset.forName("GBK")));

    assertThat(utf8.getStatusCode().value()).isEqualTo(201);
    assertThat(gbk.getStatusCode().value()).isEqualTo(201);
    assertThat(post("qijiang-perf", PATH + "/" + utf8.getBody().get("id").asLong() + "/apply").getStatusCode().value())
        .isEqualTo(200);
    assertThat(post("qijiang-perf", PATH + "/" + gbk.getBody().get("id").asLong() + "/apply").getStatusCode().value())
        .isEqualTo(200);
    assertThat(fixture.report(a.getId()).getPaidToDate()).isEqualByComparingTo("1234.50");
    assertThat(fixture.report(a.getId()).getPaidAsOf()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(fixture.report(b.getId()).getPaidToDate()).isEqualByComparingTo("99999.99");
  }

  @Test
  void everyBadRowIsReportedWithItsRowNumberAndNothingIsStored() throws Exception {
    MonitoringReport ok = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    MonitoringReport other = fixture.monitoredWithOpenReport("enyang", "300000.00", 2027);
    MonitoringReport submitted = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    fixture.submitAndLight(submitted.getId(), Light.GREEN);
    String unmonitored = fixture.listed("qijiang", BUDGET, 2027);
    String code = ok.getProjectCode();
    byte[] sheet = xlsx(List.of(
        new Object[] {"项目编码", "累计支付金额（元）", "截至日期"},
        new Object[] {code, new BigDecimal("100.00"), LocalDate.of(2027, 7, 31)},           // 2 valid
        new Object[] {"QJ-2027-0012", new BigDecimal("100.00"), LocalDate.of(2027, 7, 31)}, // 3
        new Object[] {other.getProjectCode(), new BigDecimal("100"), LocalDate.of(2027, 7, 31)}, // 4
        new Object[] {code + "-", new BigDecimal("-0.01"), "2027-07-31"},                    // 5
        new Object[] {"", "一百元", "2027-07-31"},                                           // 6
        new Object[] {unmonitored, new BigDecimal("100.123"), "2027-07-31"},                 // 7
        new Object[] {code, new BigDecimal("100.00"), "2027-07-31"},                         // 8 duplicate of 2
        new Object[] {submitted.getProjectCode(), new BigDecimal("1.00"), ""},               // 9
        new Object[] {},                                                                      // 10 empty: skipped
        new Object[] {"QJ-X", new BigDecimal("1.00"), "2027-13-01"}));                       // 11
    long imports = count("execution_import");
    long rows = count("execution_import_row");

    ResponseEntity<JsonNode> refused = upload("qijiang-perf", "qijiang", "bad.xlsx", sheet);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    List<String> messages = refused.getBody().get("fieldErrors").findValuesAsText("message");
    assertThat(messages).containsExactly(
        "行 3：项目编码 QJ-2027-0012 不存在",
        "行 4：项目 " + other.getProjectCode() + " 不属于綦江区，不能在本辖区导入",
        "行 5：项目编码 " + code + "- 不存在",
        "行 5：累计支付金额不能为负数：-0.01",
        "行 6：项目编码为空",
        "行 6：累计支付金额“一百元”不是数字",
        "行 7：项目 " + unmonitored + " 没有待填报的监控轮次",
        "行 7：累计支付金额最多保留两位小数（分）：100.123",
        "行 8：项目编码 " + code + " 重复（与行 2 相同）",
        "行 9：项目 " + submitted.getProjectCode() + " 没有待填报的监控轮次",
        "行 9：截至日期为空",
        "行 11：项目编码 QJ-X 不存在",
        "行 11：截至日期“2027-13-01”无效，应为 2027-07-31 这样的日期");
    assertThat(refused.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("rows[3].projectCode");
    assertThat(refused.getBody().get("message").asText()).startsWith("导入文件有 13 处错误，未导入任何数据：行 3：");
    assertThat(count("execution_import")).isEqualTo(imports);
    assertThat(count("execution_import_row")).isEqualTo(rows);
    assertThat(fixture.report(ok.getId()).getPaidToDate()).isNull();
  }

  @Test
  void paidOneCentAboveTheBudgetOrDatedOutsideTheYearIsRefused() {
    MonitoringReport a = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    MonitoringReport b = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    String csv = "项目编码,累计支付金额（元）,截至日期\n" + a.getProjectCode() + ",1000000.01,2027-07-31\n"
        + b.getProjectCode() + ",1.00,2026-12-31\n";

    ResponseEntity<JsonNode> refused = upload("qijiang-perf", "qijiang", "x.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("fieldErrors").findValuesAsText("message")).containsExactly(
        "行 2：累计支付金额 1,000,000.01 元超过可用预算 1,000,000.00 元（第 1 轮）",
        "行 3：截至日期 2026-12-31 不在预算年度 2027 年内");
    assertThat(fixture.report(a.getId()).getPaidToDate()).isNull();
  }

  @Test
  void aPreviewOlderThanItsReportIsNotAppliedAndAnImportKeepsTheUnitsOwnCorrection() {
    MonitoringReport a = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    String csv = "项目编码,累计支付金额（元）,截至日期\n" + a.getProjectCode() + ",5000.00,2027-07-31\n";
    long id = upload("qijiang-perf", "qijiang", "a.csv", csv.getBytes(StandardCharsets.UTF_8)).getBody().get("id").asLong();
    assertThat(correct("qijiang-edu", a.getId(), "6000.00").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<JsonNode> stale = post("qijiang-perf", PATH + "/" + id + "/apply");

    assertThat(stale.getStatusCode().value()).isEqualTo(409);
    assertThat(stale.getBody().get("message").asText())
        .isEqualTo("预览之后以下监控报告已有变化，请重新上传导入：行 2：项目 " + a.getProjectCode() + " 第 1 轮");
    assertThat(fixture.report(a.getId()).getPaidToDate()).isEqualByComparingTo("6000.00");
    assertThat(get("qijiang-perf", PATH + "/" + id).getBody().get("status").asText()).isEqualTo("PREVIEW");

    // uploaded again: the preview says the unit's figure stays, and applying records the import beside it
    JsonNode fresh = upload("qijiang-perf", "qijiang", "a.csv", csv.getBytes(StandardCharsets.UTF_8)).getBody();
    assertThat(fresh.get("rows").get(0).get("keepsUnitFigure").asBoolean()).isTrue();
    assertThat(fresh.get("rows").get(0).get("oldPaidSourceLabel").asText()).isEqualTo("单位更正");
    assertThat(post("qijiang-perf", PATH + "/" + fresh.get("id").asLong() + "/apply").getStatusCode().value()).isEqualTo(200);
    MonitoringReport after = fixture.report(a.getId());
    assertThat(after.getPaidToDate()).isEqualByComparingTo("6000.00");
    assertThat(after.getPaidSource()).isEqualTo(PaidSource.UNIT);
    assertThat(after.getImportedPaidToDate()).isEqualByComparingTo("5000.00");
  }

  @Test
  void onlyTheDistrictsFinanceBureauImportsAndAnotherDistrictSeesNoImport() {
    MonitoringReport a = fixture.monitoredWithOpenReport("qijiang", BUDGET, 2027);
    byte[] csv = ("项目编码,累计支付金额（元）,截至日期\n" + a.getProjectCode() + ",10.00,2027-07-31\n")
        .getBytes(StandardCharsets.UTF_8);
    long imports = count("execution_import");

    ResponseEntity<JsonNode> unit = upload("qijiang-edu", "qijiang", "a.csv", csv);
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(unit.getBody().get("message").asText()).isEqualTo("只有财政局（绩效科、预算科）可以导入预算执行数据");
    ResponseEntity<JsonNode> otherDistrict = upload("enyang-perf", "qijiang", "a.csv", csv);
    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(403);
    assertThat(upload("qijiang-supervisor", "qijiang", "a.csv", csv).getStatusCode().value()).isEqualTo(403);
    assertThat(count("execution_import")).isEqualTo(imports);

    long id = upload("qijiang-perf", "qijiang", "a.csv", csv).getBody().get("id").asLong();
    ResponseEntity<JsonNode> hidden = get("enyang-perf", PATH + "/" + id);
    assertThat(hidden.getStatusCode().value()).isEqualTo(404);
    assertThat(hidden.getBody().get("message").asText()).isEqualTo("导入记录不存在：" + id);
    assertThat(post("enyang-perf", PATH + "/" + id + "/apply").getStatusCode().value()).isEqualTo(404);
    assertThat(get("qijiang-edu", PATH + "/" + id).getStatusCode().value()).isEqualTo(403);
    assertThat(post("qijiang-edu", PATH + "/" + id + "/apply").getStatusCode().value()).isEqualTo(403);
    assertThat(get("qijiang-perf", PATH + "/999999").getStatusCode().value()).isEqualTo(404);
    assertThat(fixture.report(a.getId()).getPaidToDate()).isNull();
    assertThat(http.getForEntity(PATH + "/" + id, JsonNode.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void filesThatCannotBeReadAreRefusedClearly() {
    ResponseEntity<JsonNode> missingColumn = upload("qijiang-perf", "qijiang", "a.csv",
        "项目编码,金额\nX,1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(missingColumn.getStatusCode().value()).isEqualTo(400);
    assertThat(missingColumn.getBody().get("message").asText()).startsWith("表头缺少列：累计支付金额（元）、截至日期");

    byte[] utf16 = "项目编码,累计支付金额（元）,截至日期\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    ResponseEntity<JsonNode> unicode = upload("qijiang-perf", "qijiang", "a.txt", withBom);
    assertThat(unicode.getStatusCode().value()).isEqualTo(400);
    assertThat(unicode.getBody().get("message").asText()).startsWith("不支持 UTF-16 编码");

    ResponseEntity<JsonNode> broken = upload("qijiang-perf", "qijiang", "a.xlsx", "PK\u0003\u0004garbage".getBytes(
        StandardCharsets.ISO_8859_1));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody().get("message").asText()).startsWith("无法读取 .xlsx 工作簿");

    ResponseEntity<JsonNode> headerOnly = upload("qijiang-perf", "qijiang", "a.csv",
        "projectCode,paidToDate,asOfDate\n".getBytes(StandardCharsets.UTF_8));
    assertThat(headerOnly.getStatusCode().value()).isEqualTo(400);
    assertThat(headerOnly.getBody().get("message").asText()).startsWith("文件中没有数据行");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> notMultipart = http.withBasicAuth("qijiang-perf", "demo").exchange(PATH + "?district=qijiang",
        HttpMethod.POST, new HttpEntity<>(Map.of("x", 1), headers), JsonNode.class);
    assertThat(notMultipart.getStatusCode().value()).isEqualTo(400);
    assertThat(notMultipart.getBody().get("message").asText()).isEqualTo("请上传预算执行数据文件（.xlsx 或 .csv，表单字段 file）");
  }

  // -------------------------------------------------------------------------------------------- helpers

  static byte[] xlsx(List<Object[]> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "test", "1.0");
    Worksheet sheet = workbook.newWorksheet("执行数据");
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        Object v = row[c];
        if (v instanceof BigDecimal n) {
          sheet.value(r, c, n);
        } else if (v instanceof LocalDate d) {
          sheet.value(r, c, d);
          sheet.style(r, c).format("yyyy-mm-dd").set();
        } else if (v != null && !v.toString().isEmpty()) {
          sheet.value(r, c, v.toString());
        }
      }
    }
    workbook.finish();
    return out.toByteArray();
  }

  ResponseEntity<JsonNode> upload(String user, String district, String fileName, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("district", district);
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").exchange(PATH, HttpMethod.POST, new HttpEntity<>(form, headers),
        JsonNode.class);
  }

  ResponseEntity<JsonNode> correct(String user, Long reportId, String paid) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/monitoring/reports/" + reportId + "/paid-to-date",
        HttpMethod.PUT, new HttpEntity<>(Map.of("paidToDate", paid, "reason", "国库集中支付系统漏记一笔"), headers),
        JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String user, String path) {
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, HttpEntity.EMPTY, JsonNode.class);
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
