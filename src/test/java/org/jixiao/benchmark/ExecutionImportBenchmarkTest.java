package org.jixiao.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.jixiao.OwnEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The import benchmark on 20 rows, so that it cannot rot: each repeat's preview and apply are accepted and the last
 * row's figure is stored (the benchmark checks it); the timings mean nothing at this size (docs/benchmarks.md).
 */
@Tag(OwnEngine.TAG)
class ExecutionImportBenchmarkTest {

  @Test
  void twentyRowsArePreviewedAndAppliedTwice() throws Exception {
    ExecutionImportBenchmark.Result result = ExecutionImportBenchmark.run(20, 2, "qijiang");

    assertThat(result.rows()).isEqualTo(20);
    assertThat(result.repeats()).hasSize(2);
    assertThat(result.repeats()).allSatisfy(r -> assertThat(r.apply()).isPositive());
    assertThat(result.markdown()).contains("| apply to every report (s) |");
  }
}
