package org.jixiao.fault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An embedded PostgreSQL on a fixed data directory and port, so it can be stopped and started again with
 * its data while an application keeps its connection settings. {@link #jdbc()} opens a new connection per
 * statement, so it works across restarts.
 */
final class FaultPostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port = ChildApplication.freePort();
  private EmbeddedPostgres postgres;

  FaultPostgres(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  FaultPostgres start() {
    try {
      postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
          .setPort(port).start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: open connections are cut), keeping its data. */
  void stop() {
    try {
      postgres.close();
      postgres = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /** The datasource of an application on this database with the postgres profile. */
  Map<String, String> datasource() {
    return Map.of("spring.datasource.url", url(), "spring.datasource.username", "postgres",
        "spring.datasource.password", "");
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(new DriverManagerDataSource(url(), "postgres", ""));
  }

  @Override
  public void close() {
    if (postgres != null) {
      stop();
    }
  }
}
