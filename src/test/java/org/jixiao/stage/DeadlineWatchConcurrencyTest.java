package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jixiao.PlatformTest;
import org.jixiao.identity.CallerLookup;
import org.jixiao.project.ApplyProjectRequest;
import org.jixiao.project.ItemType;
import org.jixiao.project.ProjectService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two watches over the same tasks at once, as two nodes would run them: each task is reminded and escalated
 * exactly once; the run that loses the race changes nothing (its transaction rolls back).
 */
@PlatformTest
class DeadlineWatchConcurrencyTest {

  @Autowired DeadlineWatch watch;
  @Autowired TaskService taskService;
  @Autowired ProjectService projects;
  @Autowired CallerLookup callers;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void twoWatchesAtOnceRemindAndEscalateATaskOnce() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    String code = "QIJIANG-C-" + System.nanoTime();
    projects.apply(ApplyProjectRequest.of(code, "并发巡检测试项目", "qijiang", "qijiang-education",
        ItemType.NEW_CONSTRUCTION, new BigDecimal("10000000.00"), true), callers.of("qijiang-edu"));
    // the lifecycle called the ex-ante assessment, whose first task waits
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    String instance = task.getProcessInstanceId();
    ClockUtil.setCurrentTime(Date.from(start.plus(11, ChronoUnit.DAYS)));

    List<Object> outcomes = runTwiceAtOnce(instance);

    int reminded = 0;
    int escalated = 0;
    for (Object outcome : outcomes) {
      if (outcome instanceof DeadlineWatch.Result result) {
        reminded += result.reminded();
        escalated += result.escalated();
      }
    }
    assertThat(reminded).as("reminders over both runs: %s", outcomes).isEqualTo(1);
    assertThat(escalated).as("escalations over both runs: %s", outcomes).isEqualTo(1);
    assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
    assertThat(taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Deadlines.TASK_SUPERVISE_OVERDUE).count()).isEqualTo(1);
    assertThat(watch.recorded(task.getId())).extracting(TaskDeadline::getKind)
        .containsExactly(DeadlineKind.REMINDED, DeadlineKind.ESCALATED);
    // and a later run, after the loser's job would be retried, finds everything done
    assertThat(watch.watchInstance(instance)).isEqualTo(new DeadlineWatch.Result(0, 0));
  }

  /** Both runs start together; each outcome is its result or the exception that rolled it back. */
  private List<Object> runTwiceAtOnce(String instance) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(threads.submit(() -> {
          go.await();
          try {
            return watch.watchInstance(instance);
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> run : runs) {
        outcomes.add(run.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }
}
