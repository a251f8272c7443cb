package org.jixiao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stopped and started again under load, the application left running: while the database is
 * down, {@code /api} and {@code /engine-rest} answer 503 JSON in Chinese within seconds and health reports
 * DOWN; afterwards the pool serves again without a restart, health is UP, and the job executor runs jobs.
 */
@Tag(Fault.TAG)
class DatabaseRestartTest {

  static final Path WORK = Path.of("target", "fault", "database-restart");
  /** Hikari's connection timeout (3 s) plus the time of the request itself. */
  static final long FAIL_FAST_MILLIS = 8_000;

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

  record Call(String what, Instant at, long millis, Rest.Answer answer) {}

  @Test
  void whileTheDatabaseIsDownRequestsAnswer503AndAfterItsRestartEverythingWorksWithoutARestart() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    postgres = new FaultPostgres(WORK.resolve("pgdata")).start();
    app = new ChildApplication("database-restart", WORK, KillDuringCompletionsTest.postgresApplication(postgres,
        ModelFolder.copy(WORK.resolve("processes"), List.of(Workload.DISTRICT), (name, text) -> text))).start();
    Rest rest = new Rest(app.baseUrl());
    Workload workload = new Workload(rest);
    workload.apply("qijiang-edu", "DBR-1");
    Workload.Work selfAssessment = workload.openTask("qijiang-edu", "DBR-1");

    // load: a budget unit applying, a reviewer listing tasks, all the time
    AtomicBoolean running = new AtomicBoolean(true);
    List<Call> load = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Workload.threads(2);
    List<Future<?>> loaders = List.of(
        threads.submit(() -> keepCalling(running, load, "apply", n -> rest.post("qijiang-edu", "/api/projects",
            Workload.application("DBR-LOAD-" + n, "qijiang-education")))),
        threads.submit(() -> keepCalling(running, load, "list", n -> rest.get("qijiang-supervisor",
            "/engine-rest/task?processInstanceBusinessKeyLike=DBR-%25"))));
    ChildApplication.sleep(2_000);

    // when: the database stops
    Instant stopped = Instant.now();
    postgres.stop();
    List<Call> down = new ArrayList<>();
    for (int r = 0; r < 1; r++) {
      int round = r;
      down.add(timed("GET /api/projects/{code}", () -> rest.get("qijiang-edu", "/api/projects/DBR-1")));
      down.add(timed("POST /api/projects", () -> rest.post("qijiang-edu", "/api/projects",
          Workload.application("DBR-DOWN-" + round, "qijiang-education"))));
      down.add(timed("GET /engine-rest/task", () -> rest.get("qijiang-edu", "/engine-rest/task")));
      down.add(timed("POST /engine-rest/task/{id}/complete", () -> rest.post("qijiang-edu",
          "/engine-rest/task/" + selfAssessment.taskId() + "/complete", Workload.selfAssessment())));
    }
    Call health = timed("GET /actuator/health", () -> rest.get(null, "/actuator/health"));

    // then: 503 JSON in Chinese, quickly, and health DOWN
    for (Call call : down) {
      assertThat(call.answer().status()).as("%s: %s", call.what(), call.answer().text()).isEqualTo(503);
      assertThat(call.answer().body().get("type").asText()).isEqualTo("ServiceUnavailable");
      assertThat(call.answer().body().get("status").asInt()).isEqualTo(503);
      assertThat(call.answer().body().get("message").asText()).isEqualTo("数据库暂时不可用，请稍后重试");
      assertThat(call.answer().text()).doesNotContain("Exception", "org.");
      assertThat(call.millis()).as("%s fails fast", call.what()).isLessThan(FAIL_FAST_MILLIS);
    }
    assertThat(health.answer().status()).isEqualTo(503);
    assertThat(health.answer().body().get("status").asText()).isEqualTo("DOWN");

    // when: the database is back (same data, same port)
    postgres.start();
    Instant restarted = Instant.now();
    long upAfter = awaitHealthUp(app);
    running.set(false);
    Workload.awaitAll(loaders);
    threads.shutdown();

    // then: the same application serves again, the work of before is there, a completion goes through
    assertThat(app.isAlive()).isTrue();
    assertThat(rest.get("qijiang-edu", "/api/projects/DBR-1").status()).isEqualTo(200);
    workload.complete(selfAssessment);
    assertThat(workload.openTask("qijiang-supervisor", "DBR-1").step()).isEqualTo("Task_ReviewBySupervisor");
    workload.apply("qijiang-edu", "DBR-2");
    // the load only ever saw answers or 503, never a 500, and got answers again after the restart
    assertThat(load).allSatisfy(c -> assertThat(c.answer().status()).as("%s at %s: %s", c.what(), c.at(),
        c.answer().text()).isIn(200, 201, 503));
    assertThat(load).anySatisfy(c -> assertThat(c.answer().status()).isEqualTo(503));
    assertThat(load.stream().filter(c -> c.at().isAfter(restarted)).filter(c -> c.answer().ok()).count()).isPositive();

    // and the job executor survived: a job made due now runs
    long watchRuns = KillDuringCompletionsTest.watchRuns(postgres);
    String watchJob = postgres.jdbc().queryForObject("select id_ from act_ru_job where process_def_key_ = ?",
        String.class, "Process_WatchDeadlines");
    assertThat(rest.put("demo", "/engine-rest/job/" + watchJob + "/duedate",
        Map.of("duedate", KillDuringCompletionsTest.camundaDate(Instant.now()))).status()).isEqualTo(204);
    KillDuringCompletionsTest.awaitWatchRun(postgres, watchRuns);
    System.out.printf("database restart: down %d ms, %d load calls (%d answered 503), slowest 503 %d ms,"
        + " health UP %d ms after the database%n", java.time.Duration.between(stopped, restarted).toMillis(),
        load.size(), load.stream().filter(c -> c.answer().status() == 503).count(),
        down.stream().mapToLong(Call::millis).max().orElse(0), upAfter);
  }

  private static void keepCalling(AtomicBoolean running, List<Call> calls, String what,
      java.util.function.IntFunction<Rest.Answer> call) {
    for (int n = 0; running.get(); n++) {
      int i = n;
      calls.add(timed(what, () -> call.apply(i)));
      ChildApplication.sleep(50);
    }
  }

  private static Call timed(String what, Supplier<Rest.Answer> call) {
    Instant at = Instant.now();
    long start = System.nanoTime();
    Rest.Answer answer = call.get();
    return new Call(what, at, (System.nanoTime() - start) / 1_000_000, answer);
  }

  private static long awaitHealthUp(ChildApplication app) {
    long start = System.currentTimeMillis();
    while (app.health() != 200) {
      assertThat(System.currentTimeMillis() - start).as("health UP within a minute of the database").isLessThan(60_000);
      ChildApplication.sleep(250);
    }
    return System.currentTimeMillis() - start;
  }
}
