package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The warning lights (Decision_MonitoringLights) of every district, each rule at its boundary, one unit (0.0001)
 * either side: execution lag = time elapsed − execution rate, RED from the red lag up, YELLOW from the yellow
 * lag up; indicator pace = completion ÷ time elapsed, RED below the red pace, YELLOW below the yellow pace;
 * a report without numeric indicators is judged on execution alone. The district's own file where it has one
 * (Chongqing), else the shared default.
 */
class MonitoringLightsTest {

  static final List<String> DISTRICTS = List.of("qijiang", "enyang", "jilin", "chongqing", "gaomi");
  static final BigDecimal UNIT = new BigDecimal("0.0001");
  static final BigDecimal ELAPSED = new BigDecimal("0.6000");

  /** yellow lag, red lag, yellow pace, red pace */
  record Thresholds(String yellowLag, String redLag, String yellowPace, String redPace) {}

  static Thresholds thresholds(String district) {
    return district.equals("chongqing") ? new Thresholds("0.10", "0.30", "0.85", "0.50")
        : new Thresholds("0.15", "0.30", "0.80", "0.50");
  }

  final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @TestFactory
  Stream<DynamicTest> everyRuleOfEveryDistrictAtItsBoundaries() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String district : DISTRICTS) {
      DmnDecision decision = decision(district);
      Thresholds t = thresholds(district);
      BigDecimal red = new BigDecimal(t.redLag());
      BigDecimal yellow = new BigDecimal(t.yellowLag());
      // execution alone (no numeric indicator), and with indicators on target
      for (BigDecimal completion : new BigDecimal[] {null, new BigDecimal("1.0000")}) {
        String with = completion == null ? "without indicators" : "with indicators on target";
        tests.add(lag(decision, district, with, red.subtract(UNIT), completion, "YELLOW"));
        tests.add(lag(decision, district, with, red, completion, "RED"));
        tests.add(lag(decision, district, with, red.add(UNIT), completion, "RED"));
        tests.add(lag(decision, district, with, yellow.subtract(UNIT), completion, "GREEN"));
        tests.add(lag(decision, district, with, yellow, completion, "YELLOW"));
        tests.add(lag(decision, district, with, yellow.add(UNIT), completion, "YELLOW"));
      }
      tests.add(lag(decision, district, "spent ahead of time", new BigDecimal("-0.4000"), null, "GREEN"));
      BigDecimal redPace = ELAPSED.multiply(new BigDecimal(t.redPace()));
      BigDecimal yellowPace = ELAPSED.multiply(new BigDecimal(t.yellowPace()));
      tests.add(pace(decision, district, redPace.subtract(UNIT), "RED"));
      tests.add(pace(decision, district, redPace, "YELLOW"));
      tests.add(pace(decision, district, redPace.add(UNIT), "YELLOW"));
      tests.add(pace(decision, district, yellowPace.subtract(UNIT), "YELLOW"));
      tests.add(pace(decision, district, yellowPace, "GREEN"));
      tests.add(pace(decision, district, yellowPace.add(UNIT), "GREEN"));
      // the worse of the two counts: a red pace with spending on time, a red lag with indicators on target
      tests.add(DynamicTest.dynamicTest(district + ": red lag and red pace together is red",
          () -> assertThat(light(decision, ELAPSED.subtract(red), ELAPSED, BigDecimal.ZERO)).isEqualTo("RED")));
    }
    return tests.stream();
  }

  private DynamicTest lag(DmnDecision decision, String district, String with, BigDecimal lag, BigDecimal completion,
      String expected) {
    BigDecimal rate = ELAPSED.subtract(lag);
    return DynamicTest.dynamicTest(district + " " + with + ": lag " + lag.toPlainString() + " → " + expected,
        () -> assertThat(light(decision, rate, ELAPSED, completion)).isEqualTo(expected));
  }

  private DynamicTest pace(DmnDecision decision, String district, BigDecimal completion, String expected) {
    return DynamicTest.dynamicTest(district + ": completion " + completion.toPlainString() + " of "
        + ELAPSED.toPlainString() + " elapsed, spending on time → " + expected,
        () -> assertThat(light(decision, ELAPSED, ELAPSED, completion)).isEqualTo(expected));
  }

  private String light(DmnDecision decision, BigDecimal rate, BigDecimal elapsed, BigDecimal completion) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("executionRate", rate)
        .putValue("timeElapsed", elapsed).putValue("indicatorCompletion", completion))
        .getSingleResult().getSingleEntry();
  }

  private DmnDecision decision(String district) {
    Path own = Path.of("processes", "districts", district, "monitoring-lights.dmn");
    Path file = Files.exists(own) ? own : Path.of("processes", "monitoring-lights.dmn");
    try (InputStream in = Files.newInputStream(file)) {
      return engine.parseDecision("Decision_MonitoringLights", in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
