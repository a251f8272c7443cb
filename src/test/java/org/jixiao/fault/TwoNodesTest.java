package org.jixiao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.exante.ExAnteProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Two application nodes on one PostgreSQL, as Camunda 7 runs a cluster (shared database, a job executor on
 * each node): started at the same moment on an empty database they deploy each model once; tasks are
 * completed on either node; and every reminder (催办) and escalation (督办) happens exactly once although
 * both nodes' job executors run the deadline watch.
 *
 * <p>Short deadlines come from the district's own settings, as an administrator would set them: the test
 * runs on a copy of the model folder in which Qijiang's 事前评估办理设置 gives every task a reminder after 4
 * seconds and a due date after 8, and the deadline watch runs every 2 seconds instead of every hour. No
 * clock is moved (a child JVM has its own) and no production code knows about the test.
 */
@Tag(Fault.TAG)
class TwoNodesTest {

  static final Path WORK = Path.of("target", "fault", "two-nodes");
  static final int PROJECTS = 6;

  FaultPostgres postgres;
  final List<ChildApplication> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(ChildApplication::close);
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void twoNodesDeployOnceShareTheWorkAndRemindAndEscalateEachTaskExactlyOnce() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    postgres = new FaultPostgres(WORK.resolve("pgdata")).start();
    Path models = ModelFolder.copy(WORK.resolve("processes"), List.of(Workload.DISTRICT), TwoNodesTest::shortDeadlines);
    for (String name : List.of("node-a", "node-b")) {
      Map<String, String> properties = new LinkedHashMap<>(KillDuringCompletionsTest.postgresApplication(postgres, models));
      // the engine's host name goes into the job log: which node ran which job
      properties.put("camunda.bpm.generic-properties.properties.hostname", name);
      nodes.add(new ChildApplication("two-nodes-" + name, WORK.resolve(name), properties));
    }

    // when: both nodes start at the same moment on the empty database
    long started = System.nanoTime();
    nodes.forEach(ChildApplication::startInBackground);
    nodes.forEach(ChildApplication::awaitHealthy);
    long startMillis = (System.nanoTime() - started) / 1_000_000;
    JdbcTemplate jdbc = postgres.jdbc();

    // then: one deployment per district and one version of each model
    assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Long.class)).isEqualTo(1);
    List<Map<String, Object>> versions = jdbc.queryForList("select key_, tenant_id_, count(*) as n, max(version_) as v"
        + " from act_re_procdef group by key_, tenant_id_");
    assertThat(versions).hasSize(7).allSatisfy(row -> {
      assertThat(((Number) row.get("n")).longValue()).as("%s", row).isEqualTo(1);
      assertThat(((Number) row.get("v")).intValue()).as("%s", row).isEqualTo(1);
    });
    assertThat(jdbc.queryForObject("select count(*) from act_re_decision_def group by key_, tenant_id_"
        + " order by count(*) desc limit 1", Long.class)).isEqualTo(1);

    // when: budget units apply on one node or the other, and the self-assessments are done on the other one
    List<Workload> onNode = nodes.stream().map(n -> new Workload(new Rest(n.baseUrl()))).toList();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < PROJECTS; i++) {
      String code = "NODES-" + i;
      onNode.get(i % 2).apply(i % 3 == 0 ? "qijiang-health" : "qijiang-edu", code);
      codes.add(code);
    }
    for (int i = 0; i < PROJECTS; i += 2) {
      Workload other = onNode.get((i + 1) % 2);
      other.complete(other.openTask(i % 3 == 0 ? "qijiang-health" : "qijiang-edu", codes.get(i)));
    }
    // then: each completion moved its process on, wherever it was done
    for (int i = 0; i < PROJECTS; i += 2) {
      assertThat(onNode.get(i % 2).openTask(i % 3 == 0 ? "qijiang-supervisor-health" : "qijiang-supervisor",
          codes.get(i)).step())
          .isEqualTo(ExAnteProcess.TASK_REVIEW_BY_SUPERVISOR);
      assertThat(jdbc.queryForObject("select count(*) from stage_opinion where subject_code = ? and step = ?", Long.class,
          codes.get(i), ExAnteProcess.TASK_SELF_ASSESS)).isEqualTo(1);
    }

    // when: the deadlines pass while both nodes' job executors run the watch every two seconds
    List<String> watched = jdbc.queryForList("select t.id_ from act_ru_task t join act_ru_execution e"
        + " on e.id_ = t.proc_inst_id_ where e.business_key_ like 'NODES-%'", String.class);
    assertThat(watched).hasSize(PROJECTS);
    long deadline = System.currentTimeMillis() + 90_000;
    while (jdbc.queryForObject("select count(*) from task_deadline where task_id in (" + placeholders(watched.size())
        + ")", Long.class, watched.toArray()) < 2L * watched.size()) {
      assertThat(System.currentTimeMillis()).as("all reminded and escalated within 90 s").isLessThan(deadline);
      ChildApplication.sleep(500);
    }
    // a few more runs of the watch, which must find nothing new: wait for two more successful runs rather than a
    // fixed time, since a loaded machine's job executors back off and may run the watch less often than every 2 s
    long runsWhenDone = successfulWatchRuns(jdbc);
    long moreRunsBy = System.currentTimeMillis() + 90_000;
    while (successfulWatchRuns(jdbc) < runsWhenDone + 2) {
      assertThat(System.currentTimeMillis()).as("two more runs of the watch within 90 s").isLessThan(moreRunsBy);
      ChildApplication.sleep(500);
    }

    // then: each task was reminded once (one comment) and escalated once (one supervision task)
    for (String task : watched) {
      assertThat(jdbc.queryForList("select kind from task_deadline where task_id = ? order by kind", String.class, task))
          .containsExactly("ESCALATED", "REMINDED");
      assertThat(jdbc.queryForObject("select count(*) from act_hi_comment where task_id_ = ? and message_ like ?",
          Long.class, task, "【催办】%")).as("reminder comments of %s", task).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where name_ = ? and text_ = ?", Long.class,
          "overdueTaskId", task)).as("escalations of %s", task).isEqualTo(1);
    }
    Map<String, Long> runsPerNode = new LinkedHashMap<>();
    for (Map<String, Object> row : jdbc.queryForList("select hostname_, count(*) as n from act_hi_job_log"
        + " where process_def_key_ = 'Process_WatchDeadlines' and job_state_ = 2 group by hostname_")) {
      runsPerNode.put((String) row.get("hostname_"), ((Number) row.get("n")).longValue());
    }
    long failedRuns = jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ ="
        + " 'Process_WatchDeadlines' and job_state_ = 1", Long.class);
    System.out.printf("two nodes: both started in %d ms; watch runs per node %s, failed runs %d%n", startMillis,
        runsPerNode, failedRuns);
    assertThat(runsPerNode.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(runsWhenDone + 2);
  }

  private static long successfulWatchRuns(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = 'Process_WatchDeadlines'"
        + " and job_state_ = 2", Long.class);
  }

  /** Qijiang's task deadlines in seconds, the watch every two seconds. */
  static String shortDeadlines(String file, String text) {
    if (file.equals("deadline-watch.bpmn")) {
      return text.replace("R/PT1H", "R/PT2S");
    }
    if (file.equals("ex-ante-settings.dmn") && text.contains("綦江区")) {
      return text.replace("<text>\"P10D\"</text>", "<text>\"PT8S\"</text>")
          .replace("<text>\"P7D\"</text>", "<text>\"PT4S\"</text>");
    }
    return text;
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
