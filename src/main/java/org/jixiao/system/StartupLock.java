package org.jixiao.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes on one PostgreSQL start one after the other: from the moment the engine is built (its schema created
 * or updated) until the application is ready (districts, tenants, access rights, models and, in the demo,
 * users and projects set up), a node holds a PostgreSQL advisory lock; a second node starting at the same
 * time waits for it, then finds everything in place and adds nothing. Without it two nodes on an empty
 * database both create the engine's tables or the same tenant, and one of them fails to start. The engine's
 * own deployment lock still guards each deployment. A lock of a node that dies is released with its
 * connection. Other databases (the H2 file of a single node) take no lock.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: "jixiao" in ASCII. */
  static final long KEY = 0x6a697869616fL;
  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        connection.close();
        return;
      }
      long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
      boolean logged = false;
      while (!tryLock(connection)) {
        if (System.nanoTime() > deadline) {
          log.warn("另一节点启动超过 {} 仍未完成，不再等待启动锁", LONGEST_WAIT);
          connection.close();
          return;
        }
        if (!logged) {
          log.info("另一节点正在启动（初始化数据库与模型），等待其完成后再启动本节点");
          logged = true;
        }
        Thread.sleep(500);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("无法获取启动锁：" + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("等待启动锁时被中断", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // held until the application is ready: its start-up work (tenants, models, access) comes after the engine
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("释放启动锁失败（连接关闭时由数据库释放）：{}", e.getMessage());
    } finally {
      held = null;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }
}
