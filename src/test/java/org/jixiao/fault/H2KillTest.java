package org.jixiao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * {@code kill -9} on the embedded default, the H2 file {@code ./data/jixiao} of application.yaml, unchanged:
 * two budget units applying and two reviewers completing self-assessments when the process is killed; after
 * a restart no acknowledged application or completion is missing and nothing is half there. Before H2 was
 * told to write each commit before answering ({@code WRITE_DELAY=0}), the last second of acknowledged work
 * was lost.
 */
@Tag(Fault.TAG)
class H2KillTest {

  static final Path WORK = Path.of("target", "fault", "kill-h2");
  static final int PER_DEPARTMENT = 30;

  ChildApplication app;

  @AfterEach
  void stopAll() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void noAcknowledgedApplicationOrCompletionIsLostWhenTheDefaultH2NodeIsKilled() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    Map<String, String> properties = new LinkedHashMap<>();
    // the default datasource (application.yaml), relative to the working directory as in production
    properties.put("spring.profiles.active", "demo");
    properties.put("jixiao.models.processes", ModelFolder.location(
        ModelFolder.copy(WORK.resolve("processes"), List.of(Workload.DISTRICT), (name, text) -> text)));
    properties.put("jixiao.models.forms", ModelFolder.formsLocation());
    app = new ChildApplication("kill-h2", WORK, properties).start();
    Workload workload = new Workload(new Rest(app.baseUrl()));

    List<Workload.Work> edu = new ArrayList<>();
    List<Workload.Work> health = new ArrayList<>();
    for (int i = 0; i < PER_DEPARTMENT; i++) {
      workload.apply("qijiang-edu", "H2-EDU-" + i);
      edu.add(workload.openTask("qijiang-edu", "H2-EDU-" + i));
      workload.apply("qijiang-health", "H2-HEALTH-" + i);
      health.add(workload.openTask("qijiang-health", "H2-HEALTH-" + i));
    }

    // when: two budget units apply and two reviewers complete, and the node is killed in the middle of it
    ExecutorService threads = Workload.threads(4);
    List<Future<?>> running = new ArrayList<>(workload.review(threads, List.of(edu, health)));
    running.addAll(workload.keepApplying(threads, List.of("qijiang-edu", "qijiang-health"), "H2-NEW", 10_000));
    workload.awaitAcknowledged(50, 60_000);
    app.kill();
    Workload.awaitAll(running);
    threads.shutdown();

    // then: after a restart the node works again, and once it is stopped its file holds every acknowledged call
    app.start();
    assertThat(new Rest(app.baseUrl()).get("qijiang-edu", "/api/projects/H2-EDU-0").status()).isEqualTo(200);
    app.stop();
    // one connection: opening the H2 file for each statement would take most of the test's time
    SingleConnectionDataSource file = new SingleConnectionDataSource("jdbc:h2:file:"
        + WORK.resolve("data").resolve("jixiao").toAbsolutePath() + ";MODE=LEGACY", "sa", "", true);
    Ledger ledger = new Ledger(new JdbcTemplate(file));
    Ledger.Tally completions;
    Ledger.Tally applications;
    try {
      completions = ledger.checkCompletions(workload.completions);
      applications = ledger.checkApplications(workload.applications);
    } finally {
      file.destroy();
    }
    System.out.printf("kill -9 on H2: %d completions acknowledged (%d cut: %d applied, %d absent), %d applications"
        + " acknowledged (%d cut: %d applied, %d absent)%n", completions.acknowledged(),
        completions.failedButApplied() + completions.failedAndAbsent(), completions.failedButApplied(),
        completions.failedAndAbsent(), applications.acknowledged(),
        applications.failedButApplied() + applications.failedAndAbsent(), applications.failedButApplied(),
        applications.failedAndAbsent());
    assertThat(completions.acknowledged() + applications.acknowledged()).isGreaterThanOrEqualTo(50);
  }
}
