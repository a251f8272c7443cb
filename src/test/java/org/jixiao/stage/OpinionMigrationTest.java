package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The opinions of both stages survive the move into one record (V5): the previous schema (V4) is built on a
 * fresh H2 (MODE=LEGACY, as the application runs it) and on PostgreSQL, filled with projects, goal sets and
 * opinions, then migrated to the latest version.
 */
class OpinionMigrationTest {

  static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

  @Test
  void opinionsSurviveTheMigrationOnH2() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2.setUser("sa");
    migrateWithOpinions(h2);
  }

  @Test
  void opinionsSurviveTheMigrationOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      migrateWithOpinions(postgres.getPostgresDatabase());
    }
  }

  private void migrateWithOpinions(DataSource db) throws SQLException {
    flyway(db, "4").migrate();
    try (Connection c = db.getConnection()) {
      long water = insertProject(c, "QJ-2026-001", "qijiang");
      long roads = insertProject(c, "JL-2026-002", "jilin");
      long goals = insertGoalSet(c, "QJ-2026-001-2027", water);
      // given in this order across the two tables: ids and times interleave
      insertProjectOpinion(c, water, "Task_SelfAssess", "开展部门自评估", "qijiang-edu", "budgetUnit", "SUBMIT", "自评",
          new Integer[] {90, 80, 70, 85, 95}, "立项必要，方案可行", T);
      insertProjectOpinion(c, roads, "Task_ReviewBySupervisor", "主管部门审核", "jilin-sup", "supervisingDepartment",
          "RETURN", "请补充测算依据", null, null, T.plusHours(1));
      insertGoalOpinion(c, goals, 1, "Task_DraftGoals", "编制绩效目标（一上）", "qijiang-edu", "budgetUnit",
          "SUBMIT_GOALS", null, T.plusHours(2));
      insertProjectOpinion(c, water, "Task_Reassess", "财政再评估", "qijiang-perf", "financePerformance", "APPROVE",
          null, null, null, T.plusHours(3));
      insertGoalOpinion(c, goals, 2, "Task_ReviewGoalsByFinance", "财政评审批复", "qijiang-perf", "financePerformance",
          "APPROVE", "同意", T.plusHours(4));
    }

    flyway(db, "latest").migrate();

    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        ResultSet r = c.createStatement().executeQuery("select stage, subject_type, subject_id, subject_code,"
            + " round_number, step, step_name, actor, actor_role, decision, comment, score_necessity, score_economy,"
            + " score_goal_reasonableness, score_feasibility, score_financing_compliance, conclusion, given_at"
            + " from stage_opinion order by id")) {
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
          row.add(r.getObject(i) == null ? null : r.getObject(i).toString());
        }
        row.add(r.getObject(18, OffsetDateTime.class).toInstant());
        rows.add(row);
      }
    }
    long water = id(db, "select id from project where code = 'QJ-2026-001'");
    long roads = id(db, "select id from project where code = 'JL-2026-002'");
    long goals = id(db, "select id from goal_set where code = 'QJ-2026-001-2027'");
    assertThat(rows).containsExactly(
        row("EX_ANTE", "PROJECT", water, "QJ-2026-001", null, "Task_SelfAssess", "开展部门自评估", "qijiang-edu",
            "budgetUnit", "SUBMIT", "自评", "90", "80", "70", "85", "95", "立项必要，方案可行", T),
        row("EX_ANTE", "PROJECT", roads, "JL-2026-002", null, "Task_ReviewBySupervisor", "主管部门审核", "jilin-sup",
            "supervisingDepartment", "RETURN", "请补充测算依据", null, null, null, null, null, null, T.plusHours(1)),
        row("GOALS", "GOAL_SET", goals, "QJ-2026-001-2027", "1", "Task_DraftGoals", "编制绩效目标（一上）",
            "qijiang-edu", "budgetUnit", "SUBMIT_GOALS", null, null, null, null, null, null, null, T.plusHours(2)),
        row("EX_ANTE", "PROJECT", water, "QJ-2026-001", null, "Task_Reassess", "财政再评估", "qijiang-perf",
            "financePerformance", "APPROVE", null, null, null, null, null, null, null, T.plusHours(3)),
        row("GOALS", "GOAL_SET", goals, "QJ-2026-001-2027", "2", "Task_ReviewGoalsByFinance", "财政评审批复",
            "qijiang-perf", "financePerformance", "APPROVE", "同意", null, null, null, null, null, null,
            T.plusHours(4)));
    // the two old tables are gone: nothing can write opinions beside the one record
    assertThatThrownBy(() -> id(db, "select count(*) from project_opinion")).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> id(db, "select count(*) from goal_opinion")).isInstanceOf(SQLException.class);
    // new opinions get ids after the migrated ones
    try (Connection c = db.getConnection()) {
      c.createStatement().executeUpdate("insert into stage_opinion (stage, subject_type, subject_id, subject_code,"
          + " step, step_name, actor, actor_role, decision, given_at) values ('GOALS', 'GOAL_SET', " + goals
          + ", 'QJ-2026-001-2027', 'Task_SuperviseOverdue', '督办超期事项', 'qijiang-perf', 'financePerformance',"
          + " 'SUPERVISE', current_timestamp)");
    }
    assertThat(id(db, "select max(id) from stage_opinion where decision = 'SUPERVISE'"))
        .isGreaterThan(id(db, "select max(id) from stage_opinion where decision <> 'SUPERVISE'"));
  }

  private static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < values.length - 1; i++) {
      row.add(values[i] == null ? null : values[i].toString());
    }
    row.add(((OffsetDateTime) values[values.length - 1]).toInstant());
    return row;
  }

  private static Flyway flyway(DataSource db, String target) {
    return Flyway.configure().dataSource(db).locations("classpath:db/migration").table("jixiao_schema_history")
        .target(target).load();
  }

  private static long id(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long insertProject(Connection c, String code, String district) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into project (code, name, district, department, amount,"
        + " status, applicant, created_at, updated_at, budget_year) values (?, '测试项目', ?, ?, 5000000.00,"
        + " 'SUBMITTED', ?, ?, ?, 2027)", new String[] {"id"})) {
      s.setString(1, code);
      s.setString(2, district);
      s.setString(3, district + "-education");
      s.setString(4, district + "-edu");
      s.setObject(5, T.minusDays(1));
      s.setObject(6, T.minusDays(1));
      s.executeUpdate();
      return generated(s);
    }
  }

  private static long insertGoalSet(Connection c, String code, long projectId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into goal_set (code, subject, project_id, district,"
        + " department, budget_year, budget_amount, status, created_by, created_at, updated_at) values (?, 'PROJECT',"
        + " ?, 'qijiang', 'qijiang-education', 2027, 5000000.00, 'IN_REVIEW', 'system', ?, ?)",
        new String[] {"id"})) {
      s.setString(1, code);
      s.setLong(2, projectId);
      s.setObject(3, T);
      s.setObject(4, T);
      s.executeUpdate();
      return generated(s);
    }
  }

  private static void insertProjectOpinion(Connection c, long projectId, String step, String stepName,
      String reviewer, String role, String decision, String comment, Integer[] scores, String conclusion,
      OffsetDateTime givenAt) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into project_opinion (project_id, step, step_name,"
        + " reviewer, reviewer_role, decision, comment, score_necessity, score_economy, score_goal_reasonableness,"
        + " score_feasibility, score_financing_compliance, conclusion, given_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, projectId);
      s.setString(2, step);
      s.setString(3, stepName);
      s.setString(4, reviewer);
      s.setString(5, role);
      s.setString(6, decision);
      s.setString(7, comment);
      for (int i = 0; i < 5; i++) {
        s.setObject(8 + i, scores == null ? null : scores[i], java.sql.Types.INTEGER);
      }
      s.setString(13, conclusion);
      s.setObject(14, givenAt);
      s.executeUpdate();
    }
  }

  private static void insertGoalOpinion(Connection c, long goalSetId, int version, String step, String stepName,
      String reviewer, String role, String decision, String comment, OffsetDateTime givenAt) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into goal_opinion (goal_set_id, version_number, step,"
        + " step_name, reviewer, reviewer_role, decision, comment, given_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, goalSetId);
      s.setInt(2, version);
      s.setString(3, step);
      s.setString(4, stepName);
      s.setString(5, reviewer);
      s.setString(6, role);
      s.setString(7, decision);
      s.setString(8, comment);
      s.setObject(9, givenAt);
      s.executeUpdate();
    }
  }

  private static long generated(PreparedStatement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
