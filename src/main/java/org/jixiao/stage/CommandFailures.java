package org.jixiao.stage;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed engine command once, at the level it deserves (the engine's own logging of every failure as an
 * error with its stack trace is off, see {@link EngineCommands.Plugin}): a lost race, a refusal of the guard or of
 * the engine's checks, a missing id or a domain rule of ours refusing the step is the answer to the caller and
 * gets one line at debug level; anything else is a failure and is logged as an error with its stack trace.
 */
final class CommandFailures {

  private static final Logger log = LoggerFactory.getLogger(CommandFailures.class);

  private CommandFailures() {}

  static void log(Command<?> command, RuntimeException failure) {
    if (expected(failure)) {
      if (log.isDebugEnabled()) {
        log.debug("{} answered {}: {}", command.getClass().getSimpleName(), failure.getClass().getSimpleName(),
            failure.getMessage());
      }
    } else {
      log.error("{} failed: {}", command.getClass().getSimpleName(), failure.getMessage(), failure);
    }
  }

  /** Whether the failure is an answer to the caller rather than a fault of the system. */
  static boolean expected(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
          || t instanceof AuthorizationException || t instanceof BadUserRequestException
          || t instanceof NullValueException || t instanceof NotFoundException || t instanceof NotValidException
          || t instanceof TaskActionRefused || t instanceof TaskActionForbidden
          // a rule of one of our modules refusing the step (a listener's or delegate's domain check)
          || t.getClass().getName().startsWith("org.jixiao.") && t instanceof RuntimeException) {
        return true;
      }
    }
    return false;
  }
}
