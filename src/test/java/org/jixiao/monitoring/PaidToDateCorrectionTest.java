package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A budget unit corrects its own paid-to-date figure with a reason, on an open report only, within the same checks. */
@PlatformTest
class PaidToDateCorrectionTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired MonitoringFixtures fixture;
  @Autowired MonitoringRounds rounds;

  @Test
  void theProjectsOwnUnitCorrectsItsFigureWithAReasonAndTheCorrectionIsKept() {
    MonitoringReport report = fixture.monitoredWithOpenReport("qijiang", "800000.00", 2027);

    ResponseEntity<JsonNode> corrected = put("qijiang-edu", report.getId(),
        body("200000", "国库支付系统漏记 6 月一笔拨款", "2027-07-15"));

    assertThat(corrected.getStatusCode().value()).isEqualTo(200);
    JsonNode figure = corrected.getBody();
    assertThat(figure.get("paidToDate").decimalValue()).isEqualByComparingTo("200000.00");
    assertThat(figure.get("paidSource").asText()).isEqualTo("UNIT");
    assertThat(figure.get("paidSourceLabel").asText()).isEqualTo("单位更正");
    assertThat(figure.get("paidAsOf").asText()).isEqualTo("2027-07-15");
    assertThat(figure.get("paidCorrectionReason").asText()).isEqualTo("国库支付系统漏记 6 月一笔拨款");
    // 200,000 / 800,000 = 0.25
    assertThat(figure.get("executionRate").decimalValue()).isEqualByComparingTo("0.2500");
    assertThat(figure.get("corrections").size()).isEqualTo(1);
    assertThat(figure.get("corrections").get(0).get("correctedBy").asText()).isEqualTo("qijiang-edu");
    assertThat(figure.get("corrections").get(0).has("oldPaidToDate")).isFalse();

    MonitoringReport stored = fixture.report(report.getId());
    assertThat(stored.getPaidSource()).isEqualTo(PaidSource.UNIT);
    assertThat(stored.getPaidToDate()).isEqualByComparingTo("200000.00");
    assertThat(stored.getPaidAsOf()).isEqualTo(LocalDate.of(2027, 7, 15));

    // a second correction keeps the first in the history; no date given: the round's as-of date
    JsonNode second = put("qijiang-edu", report.getId(), body("800000.00", "按决算口径调整", null)).getBody();
    assertThat(second.get("paidAsOf").asText()).isEqualTo("2027-07-31");
    assertThat(second.get("corrections").findValuesAsText("reason"))
        .containsExactly("国库支付系统漏记 6 月一笔拨款", "按决算口径调整");
    assertThat(second.get("corrections").get(1).get("oldPaidToDate").decimalValue()).isEqualByComparingTo("200000.00");
    assertThat(get("qijiang-perf", report.getId()).getBody().get("corrections").size()).isEqualTo(2);
  }

  @Test
  void aFigureGivenWithTheReportIsKeptInTheSameHistoryAndReplacingOneNeedsAReason() {
    MonitoringReport report = fixture.monitoredWithOpenReport("qijiang", "800000.00", 2027);

    // no imported figure: the unit's own figure in the report is the first row of the history
    rounds.submit(report.getId(), submission("300000", null), opinion("qijiang-edu"));
    JsonNode first = get("qijiang-perf", report.getId()).getBody();
    assertThat(first.get("paidToDate").decimalValue()).isEqualByComparingTo("300000.00");
    assertThat(first.get("corrections").size()).isEqualTo(1);
    assertThat(first.get("corrections").get(0).get("reason").asText()).isEqualTo(MonitoringRounds.FIRST_FIGURE_REASON);
    assertThat(first.get("corrections").get(0).get("correctedBy").asText()).isEqualTo("qijiang-edu");

    // a report whose figure the unit already gave (here by a correction): replacing it without a reason is refused
    MonitoringReport next = fixture.monitoredWithOpenReport("qijiang", "800000.00", 2027);
    assertThat(put("qijiang-edu", next.getId(), body("200000", "以国库支付数为准", null)).getStatusCode().value())
        .isEqualTo(200);
    long rows = count();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> rounds.submit(next.getId(), submission("250000", null), opinion("qijiang-edu")))
        .isInstanceOf(org.jixiao.system.InvalidInputException.class)
        .hasMessage("已支付金额与此前填报的数据（200000.00 元）不同，请写明更正理由");
    assertThat(count()).isEqualTo(rows);
    assertThat(fixture.report(next.getId()).getPaidToDate()).isEqualByComparingTo("200000.00");
    assertThat(fixture.report(next.getId()).getStatus()).isEqualTo(ReportStatus.OPEN);

    rounds.submit(next.getId(), submission("250000", "补记 7 月拨款"), opinion("qijiang-edu"));
    JsonNode replaced = get("qijiang-edu", next.getId()).getBody();
    assertThat(replaced.get("corrections").findValuesAsText("reason")).containsExactly("以国库支付数为准", "补记 7 月拨款");
    assertThat(replaced.get("corrections").get(1).get("oldPaidToDate").decimalValue()).isEqualByComparingTo("200000.00");
    assertThat(replaced.get("corrections").get(1).get("paidToDate").decimalValue()).isEqualByComparingTo("250000.00");
    assertThat(replaced.get("executionRate").decimalValue()).isEqualByComparingTo("0.3125");
  }

  private static ReportSubmission submission(String paid, String reason) {
    return new ReportSubmission(new java.math.BigDecimal(paid), reason, java.util.List.of(), "拨付进度慢于计划",
        "加快合同结算", null, null);
  }

  private static MonitoringOpinion opinion(String user) {
    return new MonitoringOpinion(MonitoringProcess.TASK_REPORT_MONITORING, "填报运行监控情况", user, "budgetUnit",
        org.jixiao.stage.ReviewDecision.SUBMIT_REPORT, null, null);
  }

  @Test
  void anotherDepartmentTheFinanceBureauAndAnotherDistrictCannotCorrect() {
    MonitoringReport report = fixture.monitoredWithOpenReport("qijiang", "800000.00", 2027);
    Map<String, Object> body = body("1.00", "理由", null);
    long corrections = count();

    ResponseEntity<JsonNode> otherDepartment = put("qijiang-health", report.getId(), body);
    assertThat(otherDepartment.getStatusCode().value()).isEqualTo(403);
    assertThat(otherDepartment.getBody().get("message").asText()).isEqualTo("只有项目所属预算单位可以更正本单位的累计支付金额");
    assertThat(put("qijiang-perf", report.getId(), body).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> otherDistrict = put("enyang-edu", report.getId(), body);
    assertThat(otherDistrict.getStatusCode().value()).isEqualTo(404);
    assertThat(otherDistrict.getBody().get("message").asText()).isEqualTo("监控报告不存在：" + report.getId());
    assertThat(get("enyang-perf", report.getId()).getStatusCode().value()).isEqualTo(404);
    ResponseEntity<JsonNode> otherDepartmentReads = get("qijiang-health", report.getId());
    assertThat(otherDepartmentReads.getStatusCode().value()).isEqualTo(404);
    assertThat(otherDepartmentReads.getBody().get("message").asText()).isEqualTo("监控报告不存在：" + report.getId());
    assertThat(put("qijiang-edu", 99999999L, body).getStatusCode().value()).isEqualTo(404);

    assertThat(count()).isEqualTo(corrections);
    assertThat(fixture.report(report.getId()).getPaidToDate()).isNull();
  }

  @Test
  void aSubmittedReportIsNoLongerCorrected() {
    MonitoringReport report = fixture.monitoredWithOpenReport("qijiang", "800000.00", 2027);
    fixture.submitAndLight(report.getId(), Light.GREEN);

    ResponseEntity<JsonNode> closed = put("qijiang-edu", report.getId(), body("1.00", "理由", null));

    assertThat(closed.getStatusCode().value()).isEqualTo(409);
    assertThat(closed.getBody().get("message").asText()).isEqualTo("监控报告已报送，不能再更正累计支付金额");
    assertThat(fixture.report(report.getId()).getPaidSource()).isNull();
  }

  @Test
  void theFigurePassesTheImportsChecks() {
    MonitoringReport report = fixture.monitoredWithOpenReport("qijiang", "800000.00", 2027);
    long corrections = count();

    assertRefused(report, body("-0.01", "理由", null), "paidToDate", "累计支付金额不能为负数：-0.01");
    assertRefused(report, body("0.001", "理由", null), "paidToDate", "累计支付金额最多保留两位小数（分）：0.001");
    assertRefused(report, body("800000.01", "理由", null), "paidToDate",
        "累计支付金额 800,000.01 元超过可用预算 800,000.00 元");
    assertRefused(report, body("1.00", "  ", null), "reason", "请说明更正累计支付金额的原因");
    assertRefused(report, body(null, "理由", null), "paidToDate", "请填写累计支付金额（元）");
    assertRefused(report, body("1.00", "理由", "2028-01-01"), "asOfDate", "截至日期 2028-01-01 不在预算年度 2027 年内");
    ResponseEntity<JsonNode> notANumber = put("qijiang-edu", report.getId(), body("一百", "理由", null));
    assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
    assertThat(notANumber.getBody().get("message").asText()).contains("paidToDate");

    assertThat(count()).isEqualTo(corrections);
    assertThat(fixture.report(report.getId()).getPaidToDate()).isNull();
    // the budget itself is allowed
    assertThat(put("qijiang-edu", report.getId(), body("800000.00", "理由", null)).getStatusCode().value()).isEqualTo(200);
  }

  private void assertRefused(MonitoringReport report, Map<String, Object> body, String field, String message) {
    ResponseEntity<JsonNode> refused = put("qijiang-edu", report.getId(), body);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(refused.getBody().get("fieldErrors").get(0).get("message").asText()).isEqualTo(message);
  }

  private static Map<String, Object> body(String paid, String reason, String asOf) {
    Map<String, Object> body = new HashMap<>();
    body.put("paidToDate", paid);
    body.put("reason", reason);
    if (asOf != null) {
      body.put("asOfDate", asOf);
    }
    return body;
  }

  private ResponseEntity<JsonNode> put(String user, Long id, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/monitoring/reports/" + id + "/paid-to-date", HttpMethod.PUT,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, Long id) {
    return http.withBasicAuth(user, "demo").getForEntity("/api/monitoring/reports/" + id + "/paid-to-date",
        JsonNode.class);
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from paid_to_date_correction", Long.class);
  }
}
