package org.jixiao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds after a crash, read with plain SQL, against what the application acknowledged:
 * an acknowledged completion is entirely there (task gone, completed in history, its opinion in
 * {@code stage_opinion}, the process at a later step); any other completion is entirely there or not at all
 * (task still open, no opinion of that step); likewise for applications (the project and its process).
 */
final class Ledger {

  /** How the attempts ended up, for the report. */
  record Tally(int acknowledged, int failedButApplied, int failedAndAbsent) {}

  private final JdbcTemplate jdbc;

  Ledger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Tally checkCompletions(List<Workload.Completion> completions) {
    int acknowledged = 0;
    int applied = 0;
    int absent = 0;
    for (Workload.Completion c : completions) {
      Workload.Work w = c.work();
      long open = count("select count(*) from act_ru_task where id_ = ?", w.taskId());
      long completedInHistory = count("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
          w.taskId());
      long opinions = count("select count(*) from stage_opinion where subject_code = ? and step = ?", w.code(), w.step());
      long stillAtStep = count("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
          w.instanceId(), w.step());
      long later = count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and start_time_ >="
          + " (select end_time_ from act_hi_taskinst where id_ = ?) and act_id_ <> ?", w.instanceId(), w.taskId(), w.step());
      boolean fully = open == 0 && completedInHistory == 1 && opinions == 1 && stillAtStep == 0 && later > 0;
      boolean not = open == 1 && completedInHistory == 0 && opinions == 0 && stillAtStep == 1;
      String state = "%s: answered %d; open %d, completed in history %d, opinions %d, still at step %d, later steps %d"
          .formatted(w, c.status(), open, completedInHistory, opinions, stillAtStep, later);
      if (c.status() >= 200 && c.status() < 300) {
        assertThat(fully).as("acknowledged completion entirely there: " + state).isTrue();
        acknowledged++;
      } else {
        assertThat(fully || not).as("unacknowledged completion entirely there or not at all: " + state).isTrue();
        if (fully) {
          applied++;
        } else {
          absent++;
        }
      }
    }
    return new Tally(acknowledged, applied, absent);
  }

  Tally checkApplications(List<Workload.Application> applications) {
    int acknowledged = 0;
    int applied = 0;
    int absent = 0;
    for (Workload.Application a : applications) {
      long projects = count("select count(*) from project where code = ?", a.code());
      long processes = count("select count(*) from act_hi_procinst where business_key_ = ?", a.code());
      long tasks = count("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
          + " where e.business_key_ = ?", a.code());
      boolean fully = projects == 1 && processes >= 1 && tasks == 1;
      boolean not = projects == 0 && processes == 0 && tasks == 0;
      String state = "%s: project %d, processes %d, open tasks %d".formatted(a, projects, processes, tasks);
      if (a.status() == 201) {
        assertThat(fully).as("acknowledged application entirely there: " + state).isTrue();
        acknowledged++;
      } else {
        assertThat(fully || not).as("unacknowledged application entirely there or not at all: " + state).isTrue();
        if (fully) {
          applied++;
        } else {
          absent++;
        }
      }
    }
    return new Tally(acknowledged, applied, absent);
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
