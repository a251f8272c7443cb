package org.jixiao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Enyang's 随机抽取 for 现场核查: a share of a round's monitored projects, with a recorded seed that repeats the draw. */
@PlatformTest
class OnSiteCheckDrawTest {

  static final String PATH = "/api/monitoring/on-site-checks";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired MonitoringFixtures fixture;

  @Test
  void aShareOfTheRoundsProjectsIsDrawnWithItsSeedMarkedAndTheSameSeedDrawsTheSameAgain() {
    int year = 2029;
    List<String> population = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String code = fixture.listed("enyang", "400000.00", year);
      fixture.monitor(code);
      fixture.openReport(code, 1);
      fixture.openReport(code, 2);
      population.add(code);
    }
    String stopped = fixture.listed("enyang", "400000.00", year);
    fixture.monitor(stopped);
    fixture.openReport(stopped, 1);
    fixture.change(stopped, year, p -> p.stop(OffsetDateTime.now()));
    population.sort(null);

    ResponseEntity<JsonNode> drawn = post("enyang-perf", request("enyang", year, 1, 30, 20291L));

    assertThat(drawn.getStatusCode().value()).isEqualTo(201);
    JsonNode d = drawn.getBody();
    // 30% of the 5 not stopped = 1.5 → 2 (half up); the stopped project is not in the population
    assertThat(d.get("population").asInt()).isEqualTo(5);
    assertThat(d.get("drawn").asInt()).isEqualTo(2);
    assertThat(d.get("seed").asLong()).isEqualTo(20291L);
    List<String> codes = texts(d.get("drawnCodes"));
    assertThat(codes).hasSize(2).isSubsetOf(population).doesNotContain(stopped);
    assertThat(codes).isEqualTo(OnSiteChecks.select(population, 2, 20291L).stream().sorted().toList());
    for (String code : population) {
      assertThat(fixture.project(code, year).isOnSiteCheck()).as(code).isEqualTo(codes.contains(code));
    }
    assertThat(fixture.project(stopped, year).isOnSiteCheck()).isFalse();
    assertThat(jdbc.queryForObject("select seed from on_site_check_draw where id = ?", Long.class, d.get("id").asLong()))
        .isEqualTo(20291L);
    assertThat(jdbc.queryForList("select project_code from on_site_check_draw_project where draw_id = ? order by 1",
        String.class, d.get("id").asLong())).isEqualTo(codes);

    // the same seed over the same projects (round 2) draws the same ones
    JsonNode again = post("enyang-perf", request("enyang", year, 2, 30, 20291L)).getBody();
    assertThat(texts(again.get("drawnCodes"))).isEqualTo(codes);

    ResponseEntity<JsonNode> twice = post("enyang-perf", request("enyang", year, 1, 30, null));
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat(twice.getBody().get("message").asText()).isEqualTo("恩阳区 2029 年度第 1 轮已抽取现场核查项目（随机种子 20291）");

    JsonNode listed = http.withBasicAuth("enyang-npc", "demo").getForEntity(PATH + "?district=enyang&year=" + year,
        JsonNode.class).getBody();
    assertThat(listed.findValuesAsText("roundNo")).containsExactly("1", "2");
  }

  @Test
  void theSampleIsTheShareRoundedHalfUp() {
    assertThat(OnSiteChecks.sampleSize(5, 30)).isEqualTo(2);  // 1.5 → 2
    assertThat(OnSiteChecks.sampleSize(4, 30)).isEqualTo(1);  // 1.2 → 1
    assertThat(OnSiteChecks.sampleSize(7, 50)).isEqualTo(4);  // 3.5 → 4
    assertThat(OnSiteChecks.sampleSize(10, 100)).isEqualTo(10);
    assertThat(OnSiteChecks.sampleSize(3, 1)).isZero();       // 0.03 → 0
    List<String> codes = List.of("A", "B", "C", "D", "E", "F");
    assertThat(OnSiteChecks.select(codes, 3, 7L)).isEqualTo(OnSiteChecks.select(codes, 3, 7L));
  }

  @Test
  void onlyTheDistrictsPerformanceSectionDrawsWithValidFigures() {
    long draws = jdbc.queryForObject("select count(*) from on_site_check_draw", Long.class);
    ResponseEntity<JsonNode> unit = post("enyang-edu", request("enyang", 2030, 1, 20, 1L));
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(unit.getBody().get("message").asText()).isEqualTo("只有本辖区财政局绩效科可以组织现场核查抽取");
    assertThat(post("qijiang-perf", request("enyang", 2030, 1, 20, 1L)).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> bad = post("enyang-perf", request("enyang", 2030, 0, 0, null));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("fieldErrors").findValuesAsText("field")).containsExactly("roundNo", "percent");
    ResponseEntity<JsonNode> empty = post("enyang-perf", request("enyang", 2030, 1, 20, 1L));
    assertThat(empty.getStatusCode().value()).isEqualTo(409);
    assertThat(empty.getBody().get("message").asText()).isEqualTo("恩阳区 2030 年度第 1 轮没有可抽取的监控项目");
    assertThat(jdbc.queryForObject("select count(*) from on_site_check_draw", Long.class)).isEqualTo(draws);
    assertThat(http.withBasicAuth("enyang-edu", "demo").getForEntity(PATH + "?district=enyang&year=2030", JsonNode.class)
        .getStatusCode().value()).isEqualTo(403);
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static Map<String, Object> request(String district, int year, int round, int percent, Long seed) {
    Map<String, Object> body = new HashMap<>();
    body.put("district", district);
    body.put("budgetYear", year);
    body.put("roundNo", round);
    body.put("percent", percent);
    if (seed != null) {
      body.put("seed", seed);
    }
    return body;
  }

  private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(PATH, HttpMethod.POST, new HttpEntity<>(body, headers),
        JsonNode.class);
  }
}
