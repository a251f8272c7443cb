package org.jixiao.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Flyway V7 gives projects that existed before the lifecycle the stage their records imply: listed ones are
 * in goal setting, or past it where the goals of their budget year are approved; the others in the ex-ante
 * stage.
 */
class LifecycleStageMigrationTest {

  @Test
  void existingProjectsGetTheStageTheirRecordsImply() {
    DriverManagerDataSource db = new DriverManagerDataSource(
        "jdbc:h2:mem:stage-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY", "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(db);
    flyway(db, "4").migrate();
    Map<String, String> status = Map.of("P-SUBMITTED", "SUBMITTED", "P-REJECTED", "REJECTED",
        "P-LISTED", "LISTED", "P-APPROVED", "LISTED", "P-OTHER-YEAR", "LISTED");
    status.forEach((code, s) -> jdbc.update("insert into project (code, name, district, department, amount, status,"
        + " applicant, budget_year, created_at, updated_at) values (?, '项目', 'qijiang', 'qijiang-education', 1000,"
        + " ?, 'qijiang-edu', 2027, current_timestamp, current_timestamp)", code, s));
    goalSet(jdbc, "P-LISTED", 2027, "UNDER_REVIEW");
    goalSet(jdbc, "P-APPROVED", 2027, "APPROVED");
    goalSet(jdbc, "P-OTHER-YEAR", 2026, "APPROVED");

    flyway(db, "7").migrate();

    assertThat(stage(jdbc, "P-SUBMITTED")).isEqualTo("EX_ANTE");
    assertThat(stage(jdbc, "P-REJECTED")).isEqualTo("EX_ANTE");
    assertThat(stage(jdbc, "P-LISTED")).isEqualTo("GOALS");
    assertThat(stage(jdbc, "P-APPROVED")).isEqualTo("GOALS_APPROVED");
    assertThat(stage(jdbc, "P-OTHER-YEAR")).as("approved goals of another year do not count").isEqualTo("GOALS");
  }

  private static Flyway flyway(DriverManagerDataSource db, String target) {
    return Flyway.configure().dataSource(db).table("jixiao_schema_history").locations("classpath:db/migration")
        .target(target).load();
  }

  private static void goalSet(JdbcTemplate jdbc, String project, int year, String status) {
    jdbc.update("insert into goal_set (code, subject, project_id, district, department, budget_year, budget_amount,"
        + " status, created_by, created_at, updated_at) select ?, 'PROJECT', id, district, department, ?, 1000, ?,"
        + " 'system', current_timestamp, current_timestamp from project where code = ?",
        project + "-" + year, year, status, project);
  }

  private static String stage(JdbcTemplate jdbc, String code) {
    return jdbc.queryForObject("select stage from project where code = ?", String.class, code);
  }
}
