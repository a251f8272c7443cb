package org.jixiao.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jixiao.exante.ExAnteProcess;

/**
 * Qijiang's budget units and reviewers at work through the application's own REST API: applications
 * (POST /api/projects, 6 million general policies, so each needs its self-assessment and the supervising
 * department's review) and task completions (POST /engine-rest/task/{id}/complete). Every attempt and its
 * answer is kept, so a test can compare what was acknowledged with what the database holds afterwards.
 */
final class Workload {

  /** A task a reviewer is to complete. */
  record Work(String user, String taskId, String instanceId, String code, String step) {}

  /** A completion tried and what the application answered (-1: no answer, the connection was cut). */
  record Completion(Work work, int status) {}

  /** An application tried and what the application answered. */
  record Application(String user, String code, int status) {}

  static final String DISTRICT = "qijiang";
  static final Map<String, String> DEPARTMENTS = Map.of("qijiang-edu", "qijiang-education",
      "qijiang-health", "qijiang-health");
  /** Each unit's reviewer: the supervisor of its own 主管部门 (教育局, 卫生健康委员会). */
  static final Map<String, String> SUPERVISORS = Map.of("qijiang-edu", "qijiang-supervisor",
      "qijiang-health", "qijiang-supervisor-health");

  final List<Completion> completions = Collections.synchronizedList(new ArrayList<>());
  final List<Application> applications = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger acknowledged = new AtomicInteger();

  private final Rest rest;

  Workload(Rest rest) {
    this.rest = rest;
  }

  static Map<String, Object> application(String code, String department) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "故障测试项目 " + code);
    body.put("district", DISTRICT);
    body.put("department", department);
    body.put("itemType", "GENERAL_POLICY");
    body.put("budgetStage", "ANNUAL");
    body.put("amount", 6000000);
    body.put("newSpending", true);
    body.put("fundSource", "GENERAL_PUBLIC_BUDGET");
    body.put("periodYears", 1);
    return body;
  }

  /** What the self-assessment form submits. */
  static Map<String, Object> selfAssessment() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String score : List.of("scoreNecessity", "scoreEconomy", "scoreGoalReasonableness", "scoreFeasibility",
        "scoreFinancingCompliance")) {
      variables.put(score, Map.of("value", 85, "type", "Integer"));
    }
    variables.put(ExAnteProcess.VAR_ASSESSMENT_CONCLUSION, Map.of("value", "立项必要，方案可行", "type", "String"));
    return Map.of("variables", variables);
  }

  /** What the supervising department's review form submits to approve. */
  static Map<String, Object> approval() {
    return Map.of("variables", Map.of(
        ExAnteProcess.VAR_REVIEW_DECISION, Map.of("value", "APPROVE", "type", "String"),
        ExAnteProcess.VAR_REVIEW_COMMENT, Map.of("value", "同意报送财政", "type", "String")));
  }

  /** Applies a project as a budget unit; fails the test if it is refused. */
  void apply(String user, String code) {
    Rest.Answer answer = rest.post(user, "/api/projects", application(code, DEPARTMENTS.get(user)));
    if (answer.status() != 201) {
      throw new AssertionError("application " + code + " answered " + answer.status() + ": " + answer.text());
    }
  }

  /** The one open task of a project, as the user who is to do it sees it. */
  Work openTask(String user, String code) {
    Rest.Answer answer = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + code);
    if (answer.status() != 200 || answer.body().size() != 1) {
      throw new AssertionError("tasks of " + code + " for " + user + ": " + answer.status() + " " + answer.text());
    }
    JsonNode task = answer.body().get(0);
    return new Work(user, task.get("id").asText(), task.get("processInstanceId").asText(), code,
        task.get("taskDefinitionKey").asText());
  }

  /** Completes a task with what its form submits; fails the test if it is refused. */
  void complete(Work work) {
    Rest.Answer answer = completion(work);
    if (!answer.ok()) {
      throw new AssertionError("completing " + work + " answered " + answer.status() + ": " + answer.text());
    }
  }

  private Rest.Answer completion(Work work) {
    Object body = ExAnteProcess.TASK_SELF_ASSESS.equals(work.step()) ? selfAssessment() : approval();
    return rest.post(work.user(), "/engine-rest/task/" + work.taskId() + "/complete", body);
  }

  /**
   * Each list is one reviewer working through their tasks in order, all at once, each stopping at the first
   * call that gets no answer (the application is gone). Returns the running reviewers.
   */
  List<Future<?>> review(ExecutorService threads, List<List<Work>> reviewers) {
    List<Future<?>> running = new ArrayList<>();
    for (List<Work> tasks : reviewers) {
      running.add(threads.submit(() -> {
        for (Work work : tasks) {
          int status = completion(work).status();
          completions.add(new Completion(work, status));
          if (status >= 200 && status < 300) {
            acknowledged.incrementAndGet();
          }
          if (status < 0) {
            return;
          }
        }
      }));
    }
    return running;
  }

  /** Budget units applying new projects one after the other until the application is gone. */
  List<Future<?>> keepApplying(ExecutorService threads, List<String> users, String prefix, int most) {
    List<Future<?>> running = new ArrayList<>();
    for (String user : users) {
      running.add(threads.submit(() -> {
        for (int i = 0; i < most; i++) {
          String code = prefix + "-" + user.substring(user.indexOf('-') + 1) + "-" + i;
          int status = rest.post(user, "/api/projects", application(code, DEPARTMENTS.get(user))).status();
          applications.add(new Application(user, code, status));
          if (status == 201) {
            acknowledged.incrementAndGet();
          }
          if (status < 0) {
            return;
          }
        }
      }));
    }
    return running;
  }

  /** Waits until at least {@code count} calls were acknowledged. */
  void awaitAcknowledged(int count, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (acknowledged.get() < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("only " + acknowledged.get() + " calls acknowledged in " + timeoutMillis + " ms");
      }
      ChildApplication.sleep(20);
    }
  }

  static void awaitAll(List<Future<?>> running) throws Exception {
    for (Future<?> future : running) {
      future.get(3, TimeUnit.MINUTES);
    }
  }

  static ExecutorService threads(int count) {
    return Executors.newFixedThreadPool(count);
  }
}
