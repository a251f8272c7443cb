package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.system.ApiError;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 现场核查的随机抽取 (Enyang): the finance performance section draws a share of a district's monitored projects of a
 * round for an on-site check. The population is every project with a report in that round that was not stopped
 * (止损), in code order; the draw takes round(population × percent / 100) (half up) after a shuffle with a recorded
 * seed, so the same seed over the same population draws the same projects (as goal/GoalSampling draws 抽审). Drawn
 * projects are marked {@code onSiteCheck}; one draw per district, year and round.
 */
@Service
public class OnSiteChecks {

  private static final long JS_SAFE_INTEGER = (1L << 53) - 1;

  private final MonitoringReportRepository reports;
  private final MonitoringProjectRepository monitored;
  private final OnSiteCheckDrawRepository draws;
  private final IdentityNames names;
  private final Long configuredSeed;

  OnSiteChecks(MonitoringReportRepository reports, MonitoringProjectRepository monitored,
      OnSiteCheckDrawRepository draws, IdentityService identityService,
      @Value("${jixiao.monitoring.on-site-seed:#{null}}") Long configuredSeed) {
    this.reports = reports;
    this.monitored = monitored;
    this.draws = draws;
    this.names = new IdentityNames(identityService);
    this.configuredSeed = configuredSeed;
  }

  public record DrawRequest(String district, Integer budgetYear, Integer roundNo, Integer percent, Long seed) {}

  public record DrawView(Long id, String district, String districtName, int budgetYear, int roundNo, int percent,
      int population, int drawn, long seed, List<String> drawnCodes, String drawnBy, OffsetDateTime drawnAt) {

    static DrawView of(OnSiteCheckDraw d, String districtName) {
      return new DrawView(d.getId(), d.getDistrict(), districtName, d.getBudgetYear(), d.getRoundNo(), d.getPercent(),
          d.getPopulation(), d.getDrawn(), d.getSeed(), d.getDrawnCodes(), d.getDrawnBy(), d.getDrawnAt());
    }
  }

  @Transactional
  public DrawView draw(DrawRequest request, Caller caller) {
    List<ApiError.FieldError> problems = new ArrayList<>();
    if (request.district() == null || request.district().isBlank()) {
      problems.add(new ApiError.FieldError("district", "请填写辖区"));
    }
    if (request.budgetYear() == null) {
      problems.add(new ApiError.FieldError("budgetYear", "请填写预算年度（如 2027）"));
    }
    if (request.roundNo() == null || request.roundNo() < 1) {
      problems.add(new ApiError.FieldError("roundNo", "请填写监控轮次（从 1 起）"));
    }
    if (request.percent() == null || request.percent() < 1 || request.percent() > 100) {
      problems.add(new ApiError.FieldError("percent", "抽取比例应为 1 到 100 之间的整数（%）"));
    }
    if (request.seed() != null && Math.abs(request.seed()) > JS_SAFE_INTEGER) {
      problems.add(new ApiError.FieldError("seed", "随机种子应在 ±9007199254740991 之内"));
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    String district = request.district();
    if (!caller.isAdministrator() && !(caller.hasRole(Role.FINANCE_PERFORMANCE) && caller.worksIn(district))) {
      throw ApiException.forbidden("只有本辖区财政局绩效科可以组织现场核查抽取");
    }
    int year = request.budgetYear();
    int round = request.roundNo();
    draws.findByDistrictAndBudgetYearAndRoundNo(district, year, round).ifPresent(d -> {
      throw ApiException.conflict(names.district(district) + " " + year + " 年度第 " + round + " 轮已抽取现场核查项目（随机种子 "
          + d.getSeed() + "）");
    });
    Map<String, MonitoringProject> states = monitored.findByDistrictAndBudgetYearOrderByProjectCodeAsc(district, year)
        .stream().collect(Collectors.toMap(MonitoringProject::getProjectCode, p -> p));
    List<String> population = reports.findByDistrictAndBudgetYearOrderByProjectCodeAscRoundNoAsc(district, year).stream()
        .filter(r -> r.getRoundNo() == round && r.getStatus() != ReportStatus.ENDED)
        .map(MonitoringReport::getProjectCode)
        .filter(code -> states.containsKey(code) && !states.get(code).isStopped())
        .distinct().sorted().toList();
    if (population.isEmpty()) {
      throw ApiException.conflict(names.district(district) + " " + year + " 年度第 " + round + " 轮没有可抽取的监控项目");
    }
    long seed = request.seed() != null ? request.seed() : configuredSeed != null ? configuredSeed : randomSeed();
    List<String> drawn = select(population, sampleSize(population.size(), request.percent()), seed);
    Set<String> chosen = new HashSet<>(drawn);
    OffsetDateTime now = OffsetDateTime.now();
    for (String code : chosen) {
      states.get(code).drawnForOnSiteCheck(true, now);
    }
    OnSiteCheckDraw record = draws.save(new OnSiteCheckDraw(district, year, round, request.percent(), population.size(),
        drawn, seed, caller.userId(), now));
    return DrawView.of(record, names.district(district));
  }

  /** The district's draws of a year: its finance bureau, the people's congress observer and administrators. */
  @Transactional(readOnly = true)
  public List<DrawView> draws(String district, int budgetYear, Caller caller) {
    boolean role = caller.hasRole(Role.FINANCE_PERFORMANCE) || caller.hasRole(Role.FINANCE_BUDGET)
        || caller.hasRole(Role.NPC_OBSERVER);
    if (!caller.isAdministrator() && !(role && caller.worksIn(district))) {
      throw ApiException.forbidden("只有本辖区财政局和人大预算工委可以查看现场核查抽取");
    }
    return draws.findByDistrictAndBudgetYearOrderByRoundNoAsc(district, budgetYear).stream()
        .map(d -> DrawView.of(d, names.district(district))).toList();
  }

  /** round(population × percent / 100), half up: 30% of 5 is 1.5 → 2, of 4 is 1.2 → 1. */
  static int sampleSize(int population, int percent) {
    return BigDecimal.valueOf((long) population * percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /** The first {@code size} of the codes after a shuffle with the seed. */
  static List<String> select(List<String> codes, int size, long seed) {
    List<String> shuffled = new ArrayList<>(codes);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, size));
  }

  static long randomSeed() {
    return new SecureRandom().nextLong(-JS_SAFE_INTEGER, JS_SAFE_INTEGER + 1);
  }
}
