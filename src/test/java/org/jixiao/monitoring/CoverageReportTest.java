package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Coverage and reports of a fixture district-year, Qijiang 2021 (no other test uses that year), against figures
 * computed by hand:
 *
 * <pre>
 * P1 1,000,000.00 monitored  round 1 绿, round 2 open (no light yet)
 * P2 2,000,000.00 monitored  round 1 红; 300,000.00 reclaimed; payment suspended
 * P3   500,000.00 monitored  round 1 黄; stopped (止损); key monitoring
 * P4 1,500,000.00 listed, not monitored
 * project spending       = 1,000,000 + 2,000,000 + 500,000 + 1,500,000 = 5,000,000.00
 * under monitoring       = 1,000,000 + 2,000,000 + 500,000             = 3,500,000.00
 * coverage               = 3,500,000 / 5,000,000                        = 0.7000 ≥ Qijiang's 2021 target 0.60
 * latest round's lights  = P1 round 2 (none), P2 红, P3 黄              → 0 绿, 1 黄, 1 红, 1 none, 3
 * round 1                = 绿 (P1), 红 (P2), 黄 (P3)                   → 1, 1, 1, 0, 3
 * round 2                = P1 open                                      → 0, 0, 0, 1, 1
 * reclaimed pool         = 300,000.00; key monitored 1; suspended [P2]; stopped [P3]
 * </pre>
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageReportTest {

  static final int YEAR = 2021;

  @Autowired TestRestTemplate http;
  @Autowired MonitoringFixtures fixture;
  @Autowired CoverageReports coverage;

  String p1;
  String p2;
  String p3;
  String p4;

  @BeforeAll
  void aFixtureDistrictYear() {
    p1 = fixture.listed("qijiang", "1000000.00", YEAR);
    p2 = fixture.listed("qijiang", "2000000.00", YEAR, true);
    p3 = fixture.listed("qijiang", "500000.00", YEAR);
    p4 = fixture.listed("qijiang", "1500000.00", YEAR);
    for (String code : List.of(p1, p2, p3)) {
      fixture.monitor(code);
    }
    fixture.submitAndLight(fixture.openReport(p1, 1).getId(), Light.GREEN);
    fixture.openReport(p1, 2);
    fixture.submitAndLight(fixture.openReport(p2, 1).getId(), Light.RED);
    fixture.submitAndLight(fixture.openReport(p3, 1).getId(), Light.YELLOW);
    OffsetDateTime now = OffsetDateTime.now();
    fixture.change(p2, YEAR, p -> {
      p.reclaim(new BigDecimal("300000.00"), now);
      p.suspendPayment(now);
    });
    fixture.change(p3, YEAR, p -> {
      p.stop(now);
      p.markKey(KeyReason.AUDIT_FINDING, "审计发现问题", "qijiang-perf", now);
    });
  }

  @Test
  void theFiguresEqualThoseComputedByHand() {
    ResponseEntity<JsonNode> response = get("qijiang-perf", "/api/monitoring/coverage?district=qijiang&year=" + YEAR);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode c = response.getBody();
    assertThat(c.get("districtName").asText()).isEqualTo("綦江区");
    assertThat(c.get("projectCount").asInt()).isEqualTo(4);
    assertThat(c.get("projectSpending").decimalValue()).isEqualByComparingTo("5000000.00");
    assertThat(c.get("monitoredCount").asInt()).isEqualTo(3);
    assertThat(c.get("monitoredSpending").decimalValue()).isEqualByComparingTo("3500000.00");
    assertThat(c.get("coverage").decimalValue()).isEqualByComparingTo("0.7000");
    assertThat(c.get("coverageTarget").decimalValue()).isEqualByComparingTo("0.60");
    assertThat(c.get("targetMet").asBoolean()).isTrue();
    assertThat(c.get("keyMonitoredCount").asInt()).isEqualTo(1);
    assertThat(c.get("reclaimedTotal").decimalValue()).isEqualByComparingTo("300000.00");
    assertLights(c.get("latestLights"), 0, 1, 1, 1, 3);
    assertThat(c.get("rounds").findValuesAsText("roundNo")).containsExactly("1", "2");
    assertLights(c.get("rounds").get(0).get("lights"), 1, 1, 1, 0, 3);
    assertLights(c.get("rounds").get(1).get("lights"), 0, 0, 0, 1, 1);
    assertThat(c.get("suspended").findValuesAsText("projectCode")).containsExactly(p2);
    assertThat(c.get("suspended").get(0).get("availableBudget").decimalValue()).isEqualByComparingTo("1700000.00");
    assertThat(c.get("suspended").get(0).get("paymentStateLabel").asText()).isEqualTo("暂缓拨付");
    assertThat(c.get("stopped").findValuesAsText("projectCode")).containsExactly(p3);
    assertThat(c.get("stopped").get(0).get("departmentName").asText()).isNotBlank();
  }

  @Test
  void theExportHoldsTheSameFiguresUnderChineseHeaders() throws Exception {
    ResponseEntity<byte[]> response = http.withBasicAuth("qijiang-npc", "demo")
        .getForEntity("/api/monitoring/coverage.xlsx?district=qijiang&year=" + YEAR, byte[].class);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment; filename=\"monitoring-coverage-qijiang-2021.xlsx\"; filename*=UTF-8''");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getBody()))) {
      List<Row> summary = workbook.findSheet("覆盖率").orElseThrow().read();
      assertThat(text(summary.get(0), 0)).isEqualTo("项目");
      assertThat(value(summary, "辖区")).isEqualTo("綦江区");
      assertThat(new BigDecimal(value(summary, "项目支出合计（元）"))).isEqualByComparingTo("5000000.00");
      assertThat(new BigDecimal(value(summary, "纳入监控的项目支出（元）"))).isEqualByComparingTo("3500000.00");
      assertThat(new BigDecimal(value(summary, "监控覆盖率"))).isEqualByComparingTo("0.7000");
      assertThat(new BigDecimal(value(summary, "目标覆盖率"))).isEqualByComparingTo("0.60");
      assertThat(value(summary, "是否达到目标")).isEqualTo("是");
      assertThat(value(summary, "重点监控项目数")).isEqualTo("1");
      assertThat(new BigDecimal(value(summary, "收回资金合计（元）"))).isEqualByComparingTo("300000.00");

      List<Row> lights = workbook.findSheet("红黄灯").orElseThrow().read();
      assertThat(List.of(text(lights.get(0), 0), text(lights.get(0), 1), text(lights.get(0), 2), text(lights.get(0), 3),
          text(lights.get(0), 4), text(lights.get(0), 5))).containsExactly("轮次", "绿灯", "黄灯", "红灯", "未亮灯", "合计");
      assertThat(cells(lights.get(1))).containsExactly("各项目最新一轮", "0", "1", "1", "1", "3");
      assertThat(cells(lights.get(2))).containsExactly("第 1 轮", "1", "1", "1", "0", "3");
      assertThat(cells(lights.get(3))).containsExactly("第 2 轮", "0", "0", "0", "1", "1");

      List<Row> payment = workbook.findSheet("暂缓拨付与止损").orElseThrow().read();
      assertThat(text(payment.get(0), 4)).isEqualTo("预算金额（元）");
      assertThat(text(payment.get(1), 0)).isEqualTo("暂缓拨付");
      assertThat(text(payment.get(1), 1)).isEqualTo(p2);
      assertThat(new BigDecimal(text(payment.get(1), 5))).isEqualByComparingTo("300000.00");
      assertThat(text(payment.get(2), 0)).isEqualTo("已止损");
      assertThat(text(payment.get(2), 1)).isEqualTo(p3);
      assertThat(payment).hasSize(3);
    }
  }

  @Test
  void theTargetComesFromTheDistrictsModelRuleByRule() {
    // Qijiang: 60% up to and including 2021 (the first year), 100% from 2022; the default table 100% always
    assertThat(coverage.target("qijiang", 2020)).isEqualByComparingTo("0.60");
    assertThat(coverage.target("qijiang", 2021)).isEqualByComparingTo("0.60");
    assertThat(coverage.target("qijiang", 2022)).isEqualByComparingTo("1.00");
    assertThat(coverage.target("qijiang", 2027)).isEqualByComparingTo("1.00");
    for (String district : List.of("enyang", "jilin", "chongqing", "gaomi")) {
      assertThat(coverage.target(district, 2021)).isEqualByComparingTo("1.00");
    }
    // the same share in 2022 would miss the target
    JsonNode later = get("qijiang-perf", "/api/monitoring/coverage?district=qijiang&year=2022").getBody();
    assertThat(later.get("coverageTarget").decimalValue()).isEqualByComparingTo("1.00");
  }

  @Test
  void onlyTheDistrictsFinanceBureauAndPeoplesCongressRead() {
    String path = "/api/monitoring/coverage?district=qijiang&year=" + YEAR;
    assertThat(get("qijiang-budget", path).getStatusCode().value()).isEqualTo(200);
    assertThat(get("qijiang-npc", path).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<JsonNode> unit = get("qijiang-edu", path);
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(unit.getBody().get("message").asText()).isEqualTo("只有财政局和人大预算工委可以查看绩效运行监控覆盖率");
    assertThat(get("qijiang-supervisor", path).getStatusCode().value()).isEqualTo(403);
    assertThat(get("enyang-perf", path).getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth("qijiang-edu", "demo").getForEntity("/api/monitoring/coverage.xlsx?district=qijiang&year="
        + YEAR, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(get("demo", "/api/monitoring/coverage?district=nowhere&year=2021").getStatusCode().value()).isEqualTo(404);
  }

  private static void assertLights(JsonNode l, int green, int yellow, int red, int none, int total) {
    assertThat(List.of(l.get("green").asInt(), l.get("yellow").asInt(), l.get("red").asInt(), l.get("none").asInt(),
        l.get("total").asInt())).containsExactly(green, yellow, red, none, total);
  }

  private static String value(List<Row> rows, String label) {
    return rows.stream().filter(r -> label.equals(text(r, 0))).findFirst().map(r -> text(r, 1)).orElseThrow();
  }

  private static List<String> cells(Row row) {
    return java.util.stream.IntStream.range(0, 6).mapToObj(i -> text(row, i)).toList();
  }

  private static String text(Row row, int column) {
    return row.getOptionalCell(column).map(c -> c.getRawValue() != null && c.getType()
        == org.dhatim.fastexcel.reader.CellType.NUMBER ? new BigDecimal(c.getRawValue()).stripTrailingZeros().toPlainString()
        : c.getText()).orElse("");
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }
}
