package org.jixiao.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.jixiao.OwnEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark on five projects, so that it cannot rot: every project goes through every stage by the
 * reviewers' REST calls, and the bare process gets as many completions. The figures themselves mean nothing
 * at this size (see docs/benchmarks.md for the real run).
 */
@Tag(OwnEngine.TAG)
class DistrictYearBenchmarkTest {

  @Test
  void fiveProjectsGoThroughTheChainAndTheBareProcessGetsAsManyCompletions() throws Exception {
    DistrictYearBenchmark.Result result = DistrictYearBenchmark.run(
        new DistrictYearBenchmark.Settings(10, 3, "h2", null, "qijiang", 7L, false,
            DistrictYearBenchmark.Settings.fromSystemProperties().pick()));

    assertThat(result.approved()).isEqualTo(10);
    // seven below the thresholds (3 goal steps), two general policies (+3 ex-ante steps), one with a 5-expert panel
    assertThat(result.ours().completions()).isEqualTo(7 * 3 + 2 * 6 + (6 + 5));
    assertThat(result.completionsByStep()).containsEntry("Task_ExpertReview", 5).containsEntry("Task_DraftGoals", 10);
    assertThat(result.bare().completions()).isGreaterThanOrEqualTo(result.ours().completions());
    assertThat(result.markdown()).contains("| task completions per second |");
  }
}
