package org.jixiao.system;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Whether a failure is a lost race (two users on the same item at once) rather than an error: the
 * engine's optimistic locking, a task already claimed, JPA's optimistic locking, or the database
 * refusing a concurrent update of the same row (H2's "concurrent update", serialization failures and
 * deadlocks). Such failures answer 409 on {@code /api} and {@code /engine-rest}.
 */
final class Conflicts {

  /** SQL states of concurrent updates: H2's concurrent update and lock timeout, serialization failure, deadlock. */
  private static final Set<String> SQL_STATES = Set.of("90131", "HYT00", "40001", "40P01");

  private Conflicts() {}

  static boolean isConflict(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
          || t instanceof OptimisticLockingFailureException || t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
