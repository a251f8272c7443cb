package org.jixiao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jixiao.exante.ExAnteProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code kill -9} of the application on PostgreSQL while four reviewers complete tasks through
 * {@code /engine-rest}, then a restart on the same database: every completion answered 2xx is there,
 * every other one is there entirely or not at all, and a timer that fell due while the node was dead runs
 * after the restart.
 */
@Tag(Fault.TAG)
class KillDuringCompletionsTest {

  static final Path WORK = Path.of("target", "fault", "kill-postgres");
  static final int PER_DEPARTMENT = 40;

  FaultPostgres postgres;
  ChildApplication app;

  @AfterEach
  void stopAll() {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void acknowledgedCompletionsSurviveAKilledNodeAndDueTimersRunAfterTheRestart() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    postgres = new FaultPostgres(WORK.resolve("pgdata")).start();
    app = new ChildApplication("kill-postgres", WORK, postgresApplication(postgres,
        ModelFolder.copy(WORK.resolve("processes"), List.of(Workload.DISTRICT), (name, text) -> text))).start();
    Rest rest = new Rest(app.baseUrl());
    Workload workload = new Workload(rest);

    // given: per department 40 applications, half of them self-assessed (so at the supervisor's review)
    List<Workload.Work> selfAssessments = new ArrayList<>();
    List<Workload.Work> reviews = new ArrayList<>();
    for (String unit : List.of("qijiang-edu", "qijiang-health")) {
      for (int i = 0; i < PER_DEPARTMENT; i++) {
        String code = "KILL-" + unit.substring(8) + "-" + i;
        workload.apply(unit, code);
        Workload.Work selfAssessment = workload.openTask(unit, code);
        if (i % 2 == 0) {
          selfAssessments.add(selfAssessment);
        } else {
          workload.complete(selfAssessment);
          // each unit's 初审 waits for its own 主管部门's reviewer (the department tree)
          reviews.add(workload.openTask(Workload.SUPERVISORS.get(unit), code));
        }
      }
    }
    assertThat(reviews).allSatisfy(w -> assertThat(w.step()).isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR));
    List<Workload.Work> eduWork = selfAssessments.stream().filter(w -> w.user().equals("qijiang-edu")).toList();
    List<Workload.Work> healthWork = selfAssessments.stream().filter(w -> w.user().equals("qijiang-health")).toList();
    List<List<Workload.Work>> reviewers = List.of(eduWork, healthWork,
        reviews.subList(0, reviews.size() / 2), reviews.subList(reviews.size() / 2, reviews.size()));
    String watchJob = postgres.jdbc().queryForObject("select id_ from act_ru_job where process_def_key_ = ?",
        String.class, "Process_WatchDeadlines");
    long watchRunsBefore = watchRuns(postgres);

    // when: four reviewers at work, and the node is killed in the middle of it
    ExecutorService threads = Workload.threads(reviewers.size());
    List<Future<?>> running = workload.review(threads, reviewers);
    workload.awaitAcknowledged(30, 60_000);
    // the district's deadline watch falls due two seconds from now, while the node is dead
    Instant due = Instant.now().plusSeconds(2);
    assertThat(rest.put("demo", "/engine-rest/job/" + watchJob + "/duedate", Map.of("duedate", camundaDate(due)))
        .status()).isEqualTo(204);
    long killedAt = System.nanoTime();
    app.kill();
    Workload.awaitAll(running);
    threads.shutdown();
    ChildApplication.sleep(Math.max(0, Instant.now().until(due, java.time.temporal.ChronoUnit.MILLIS) + 500));
    assertThat(watchRuns(postgres)).as("the watch has not run while the node is dead").isEqualTo(watchRunsBefore);

    // then: after a restart on the same database nothing acknowledged is missing, nothing is half there
    app.start();
    long restartMillis = (System.nanoTime() - killedAt) / 1_000_000;
    Ledger.Tally tally = new Ledger(postgres.jdbc()).checkCompletions(workload.completions);
    assertThat(tally.acknowledged()).isGreaterThanOrEqualTo(30);
    assertThat(workload.completions).as("some completions were cut by the kill")
        .anySatisfy(c -> assertThat(c.status()).isEqualTo(-1));

    // and the timer that fell due while the node was dead runs once the node is back
    awaitWatchRun(postgres, watchRunsBefore);
    // (a repeating timer is a new job each time: the next one an hour later)
    assertThat(postgres.jdbc().queryForObject("select duedate_ from act_ru_job where process_def_key_ = ?",
        java.sql.Timestamp.class, "Process_WatchDeadlines").toInstant()).as("the next watch an hour later")
        .isAfter(Instant.now().plusSeconds(3000));

    // and the reviewers carry on where they stopped
    Workload.Work open = reviewers.stream().flatMap(List::stream)
        .filter(w -> workload.completions.stream().noneMatch(c -> c.work().equals(w) && c.status() >= 200 && c.status() < 300))
        .filter(w -> new Ledger(postgres.jdbc()).count("select count(*) from act_ru_task where id_ = ?", w.taskId()) == 1)
        .findFirst().orElseThrow();
    workload.complete(open);
    System.out.printf("kill -9 on PostgreSQL: %d completions tried, %d acknowledged, %d cut but applied, %d cut and"
        + " absent; restart took %d ms%n", workload.completions.size(), tally.acknowledged(), tally.failedButApplied(),
        tally.failedAndAbsent(), restartMillis);
  }

  static Map<String, String> postgresApplication(FaultPostgres postgres, Path models) {
    Map<String, String> properties = new LinkedHashMap<>(postgres.datasource());
    properties.put("spring.profiles.active", "postgres,demo");
    properties.put("jixiao.models.processes", ModelFolder.location(models));
    properties.put("jixiao.models.forms", ModelFolder.formsLocation());
    return properties;
  }

  static long watchRuns(FaultPostgres postgres) {
    Long n = postgres.jdbc().queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ?", Long.class,
        "Process_WatchDeadlines");
    return n == null ? 0 : n;
  }

  static void awaitWatchRun(FaultPostgres postgres, long before) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (watchRuns(postgres) <= before) {
      assertThat(System.currentTimeMillis()).as("the watch ran within a minute of the restart").isLessThan(deadline);
      ChildApplication.sleep(250);
    }
  }

  static String camundaDate(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC).format(instant);
  }
}
