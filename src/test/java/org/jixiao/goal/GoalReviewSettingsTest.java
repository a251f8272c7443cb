package org.jixiao.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The goal review settings ({@code Decision_GoalReviewSettings}) of every district file and of the shared
 * default, rule by rule: how many finance rounds (Jilin's 两上两下 = 2 for project goals), the 抽审 rate
 * (Chongqing's 20%), and the due and reminder durations. Each row: district | subject | budget amount (元)
 * | rounds | sampling % | due | reminder. {@code shared} is {@code processes/goal-review-settings.dmn}.
 */
class GoalReviewSettingsTest {

  static final String SHARED = "shared";
  static final Set<String> COVERED = Set.of(SHARED, "qijiang", "jilin", "chongqing");
  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest(name = "[{index}] {0}: {1} {2}元 → {3} 轮, 抽审 {4}%, {5}/{6}")
  @CsvSource(delimiter = '|', textBlock = """
      # district | subject    | amount      | rounds | percent | due  | reminder
      # shared default (恩阳, 高密): 初审 + 复审/批复, one round, no 抽审
        shared    | PROJECT    |        0.00 | 1      | 0       | P10D | P7D
        shared    | DEPARTMENT | 99999999.99 | 1      | 0       | P10D | P7D
      # 綦江: 初审, 复审, 批复; seven days a step
        qijiang   | PROJECT    |   100000.00 | 1      | 0       | P7D  | P5D
        qijiang   | DEPARTMENT |  5000000.00 | 1      | 0       | P7D  | P5D
      # 吉林: Rule_ProjectGoals 两上两下 for project goals, whatever the amount; Rule_OtherGoals for the rest
        jilin     | PROJECT    |        0.01 | 2      | 0       | P10D | P7D
        jilin     | PROJECT    | 30000000.00 | 2      | 0       | P10D | P7D
        jilin     | DEPARTMENT | 30000000.00 | 1      | 0       | P10D | P7D
      # 重庆: 初审 + 评审 + 抽审 at 20%
        chongqing | PROJECT    |   100000.00 | 1      | 20      | P10D | P7D
        chongqing | DEPARTMENT |   100000.00 | 1      | 20      | P10D | P7D
      """)
  void settings(String district, String subject, BigDecimal amount, int rounds, int percent, String due,
      String reminder) {
    DmnDecisionResultEntries result = ENGINE.evaluateDecision(table(district),
        Variables.createVariables().putValue("subject", subject).putValue("budgetAmount", amount)).getSingleResult();

    assertThat(result.keySet()).containsExactlyInAnyOrder(
        GoalReviewProcess.VAR_FINANCE_ROUNDS, GoalReviewProcess.VAR_SAMPLING_PERCENT,
        GoalReviewProcess.VAR_TASK_DUE_DURATION, GoalReviewProcess.VAR_REMINDER_DURATION);
    assertThat(((Number) result.getEntry(GoalReviewProcess.VAR_FINANCE_ROUNDS)).intValue()).isEqualTo(rounds);
    assertThat(((Number) result.getEntry(GoalReviewProcess.VAR_SAMPLING_PERCENT)).intValue()).isEqualTo(percent);
    assertThat((String) result.getEntry(GoalReviewProcess.VAR_TASK_DUE_DURATION)).isEqualTo(due);
    assertThat((String) result.getEntry(GoalReviewProcess.VAR_REMINDER_DURATION)).isEqualTo(reminder);
  }

  @Test
  void everySettingsTableInTheModelsIsCheckedHere() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      files.filter(f -> f.getFileName().toString().equals("goal-review-settings.dmn")).forEach(f -> {
        Path parent = Path.of("processes").relativize(f).getParent();
        found.add(parent == null ? SHARED : parent.getFileName().toString());
      });
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(COVERED);
  }

  private static DmnDecision table(String district) {
    Path file = SHARED.equals(district) ? Path.of("processes", "goal-review-settings.dmn")
        : Path.of("processes", "districts", district, "goal-review-settings.dmn");
    try (InputStream in = Files.newInputStream(file)) {
      return ENGINE.parseDecision(GoalReviewProcess.DECISION_SETTINGS, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
