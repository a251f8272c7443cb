package org.jixiao.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.JixiaoApplication;
import org.jixiao.monitoring.ExecutionImports;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The execution-data import at the size of a district's whole budget execution export: N rows (5,000) in one .xlsx,
 * through the application's own REST API with authorization on, on a fresh H2 file database with the application's
 * default (durable) URL settings. The N listed projects, their monitoring records and open round-1 reports are
 * written straight into the tables first (the import reads nothing else). Then, R times (3), with new figures each
 * time: parse + validate in the application's JVM without storing ({@link ExecutionImports#check}), the upload
 * ({@code POST /api/monitoring/execution-imports}: read, validate, store the preview, answer it), and applying it
 * ({@code POST …/{id}/apply}: every report in one transaction). Prints a Markdown table; see docs/benchmarks.md.
 *
 * <p>System properties: {@code benchmark.rows} (5000), {@code benchmark.repeats} (3), {@code benchmark.district}
 * (qijiang).
 */
public final class ExecutionImportBenchmark {

  /** What one repeat measured, in seconds. */
  public record Repeat(double parseAndValidate, double preview, double apply, int previewBytes) {}

  public record Result(String machine, String database, int rows, int fileBytes, List<Repeat> repeats) {

    public String markdown() {
      StringBuilder t = new StringBuilder();
      t.append(String.format("Machine: %s; database: %s; %,d rows in one .xlsx of %,d bytes.%n%n", machine, database,
          rows, fileBytes));
      t.append("| repeat | parse + validate (s) | upload → preview stored and answered (s) | apply to every report (s) |"
          + " preview answer (bytes) |\n|---:|---:|---:|---:|---:|\n");
      for (int i = 0; i < repeats.size(); i++) {
        Repeat r = repeats.get(i);
        t.append(String.format("| %d | %.2f | %.2f | %.2f | %,d |%n", i + 1, r.parseAndValidate(), r.preview(), r.apply(),
            r.previewBytes()));
      }
      return t.toString();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "bench-admin";
  private static final String PASSWORD = "Bench-2026-Pw!x9";
  private static final int YEAR = 2027;
  private static final String BOUNDARY = "----jixiao-benchmark-boundary";

  private final int rows;
  private final int repeats;
  private final String district;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private ExecutionImportBenchmark(int rows, int repeats, String district) {
    this.rows = rows;
    this.repeats = repeats;
    this.district = district;
  }

  public static void main(String[] args) throws Exception {
    Result result = run(Integer.getInteger("benchmark.rows", 5000), Integer.getInteger("benchmark.repeats", 3),
        System.getProperty("benchmark.district", "qijiang"));
    System.out.println();
    System.out.println(result.markdown());
    System.exit(0);
  }

  public static Result run(int rows, int repeats, String district) throws Exception {
    return new ExecutionImportBenchmark(rows, repeats, district).execute();
  }

  private Result execute() throws Exception {
    Path dir = Files.createTempDirectory("jixiao-import-benchmark-");
    String url = h2Url(dir);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(JixiaoApplication.class).run(
        "--server.port=0", "--jixiao.admin.id=" + ADMIN, "--jixiao.admin.password=" + PASSWORD,
        "--logging.level.root=WARN", "--logging.level.org.jixiao=WARN", "--spring.datasource.url=" + url);
    try {
      String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      String database = "H2 " + jdbc.queryForObject("select h2version()", String.class) + " file, the default URL settings";
      List<String> codes = fixture(jdbc);
      ExecutionImports imports = app.getBean(ExecutionImports.class);
      List<Repeat> results = new ArrayList<>();
      int fileBytes = 0;
      for (int r = 0; r < repeats; r++) {
        byte[] sheet = sheet(codes, r);
        fileBytes = sheet.length;
        long t0 = System.nanoTime();
        ExecutionImports.Checked checked = imports.check(district, "bench.xlsx", sheet);
        long t1 = System.nanoTime();
        if (checked.planned().size() != rows) {
          throw new IllegalStateException("planned " + checked.planned().size() + " of " + rows);
        }
        HttpResponse<String> preview = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/monitoring/execution-imports?district=" + district))
            .header("Authorization", basic()).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(multipart(sheet))).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long t2 = System.nanoTime();
        if (preview.statusCode() != 201) {
          throw new IllegalStateException("preview refused: " + preview.statusCode() + " "
              + preview.body().substring(0, Math.min(2000, preview.body().length())));
        }
        JsonNode body = JSON.readTree(preview.body());
        HttpResponse<String> apply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/monitoring/execution-imports/"
                + body.get("id").asLong() + "/apply")).header("Authorization", basic()).timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long t3 = System.nanoTime();
        if (apply.statusCode() != 200) {
          throw new IllegalStateException("apply refused: " + apply.statusCode() + " " + apply.body());
        }
        BigDecimal expected = amount(rows - 1, r);
        BigDecimal stored = jdbc.queryForObject("select paid_to_date from monitoring_report where project_code = ?",
            BigDecimal.class, codes.get(rows - 1));
        if (stored.compareTo(expected) != 0) {
          throw new IllegalStateException("applied " + stored + ", expected " + expected);
        }
        Repeat repeat = new Repeat((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, preview.body().length());
        System.out.printf("benchmark: repeat %d: %s%n", r + 1, repeat);
        results.add(repeat);
      }
      return new Result(machine(), database, rows, fileBytes, results);
    } finally {
      app.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** N listed projects with a monitoring record and an open round-1 report each, written in batches. */
  private List<String> fixture(JdbcTemplate jdbc) {
    List<String> codes = new ArrayList<>();
    List<Object[]> projects = new ArrayList<>();
    Timestamp now = Timestamp.from(OffsetDateTime.now().toInstant());
    for (int i = 0; i < rows; i++) {
      String code = "BENCH-" + YEAR + "-" + String.format("%05d", i);
      codes.add(code);
      projects.add(new Object[] {code, "执行数据导入基准项目 " + i, district, district + "-education",
          new BigDecimal("1000000.00"), "LISTED", "MONITORING", ADMIN, YEAR, now, now});
    }
    jdbc.batchUpdate("insert into project (code, name, district, department, amount, status, stage, applicant, budget_year,"
        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", projects);
    jdbc.update("insert into monitoring_project (project_code, project_id, district, department, budget_year,"
        + " budget_amount, created_at, updated_at) select code, id, district, department, budget_year, amount, ?, ?"
        + " from project where code like 'BENCH-%'", now, now);
    jdbc.update("insert into monitoring_report (project_code, project_id, district, department, budget_year, round_no,"
        + " as_of_date, budget_amount, time_elapsed, status, created_at, updated_at) select code, id, district, department,"
        + " budget_year, 1, ?, amount, 0.5808, 'OPEN', ?, ? from project where code like 'BENCH-%'",
        Date.valueOf(LocalDate.of(YEAR, 7, 31)), now, now);
    return codes;
  }

  private static BigDecimal amount(int i, int repeat) {
    return new BigDecimal(100_000 + i * 17 + repeat * 1000).add(new BigDecimal("0.25"));
  }

  private byte[] sheet(List<String> codes, int repeat) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "benchmark", "1.0");
    Worksheet sheet = workbook.newWorksheet("执行数据");
    sheet.value(0, 0, "项目编码");
    sheet.value(0, 1, "项目名称");
    sheet.value(0, 2, "累计支付金额（元）");
    sheet.value(0, 3, "截至日期");
    for (int i = 0; i < codes.size(); i++) {
      sheet.value(i + 1, 0, codes.get(i));
      sheet.value(i + 1, 1, "执行数据导入基准项目 " + i);
      sheet.value(i + 1, 2, amount(i, repeat));
      sheet.value(i + 1, 3, LocalDate.of(YEAR, 7, 31));
      sheet.style(i + 1, 3).format("yyyy-mm-dd").set();
    }
    workbook.finish();
    return out.toByteArray();
  }

  private static byte[] multipart(byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** The application's default H2 URL (with its durability settings) on a fresh folder. */
  private static String h2Url(Path dir) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties defaults = yaml.getObject();
    String url = defaults.getProperty("spring.datasource.url");
    String defaultUrl = url.substring(url.indexOf(':') + 1, url.lastIndexOf('}'));
    return defaultUrl.replace("./data/", dir.toAbsolutePath().toString().replace('\\', '/') + "/");
  }

  private static String machine() {
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return String.format("%d cores, %.0f GB memory, %s %s, Java %s, max heap %.1f GB",
        Runtime.getRuntime().availableProcessors(), memory / 1e9, System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1e9);
  }
}
