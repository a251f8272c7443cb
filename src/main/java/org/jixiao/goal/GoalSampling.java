package org.jixiao.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.IdentityNames;
import org.jixiao.identity.Role;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽审: the finance bureau draws a share of a district's approved goal sets of a year for a re-check. The
 * share is the district model's {@code samplingPercent}; the draw takes exactly round(population × rate)
 * (half up) at random with a recorded seed, so the same seed over the same population draws the same sets.
 */
@Service
public class GoalSampling {

  private static final long JS_SAFE_INTEGER = (1L << 53) - 1;

  private final RuntimeService runtimeService;
  private final GoalSetRepository sets;
  private final GoalSampleDrawRepository draws;
  private final Long configuredSeed;
  private final CallerLookup callers;
  private final IdentityNames names;

  GoalSampling(RuntimeService runtimeService, GoalSetRepository sets, GoalSampleDrawRepository draws,
      CallerLookup callers, IdentityService identityService,
      @Value("${jixiao.goals.sampling-seed:#{null}}") Long configuredSeed) {
    this.callers = callers;
    this.names = new IdentityNames(identityService);
    this.runtimeService = runtimeService;
    this.sets = sets;
    this.draws = draws;
    this.configuredSeed = configuredSeed;
  }

  /** What a draw did: from how many, how many, which, with which seed. */
  public record DrawResult(Long drawId, String district, int budgetYear, int samplingPercent, int population,
      int drawn, long seed, List<String> drawnCodes) {}

  /**
   * Draws among the approved goal sets of the district and year that wait for a draw. A seed may be given
   * (to repeat a draw); else the configured one ({@code jixiao.goals.sampling-seed}); else a random one.
   */
  @Transactional
  public List<DrawResult> draw(String district, int budgetYear, Long seed, Caller caller) {
    if (!caller.isAdministrator() && !(caller.hasRole(Role.FINANCE_PERFORMANCE) && caller.worksIn(district))) {
      throw ApiException.forbidden("只有本辖区财政局绩效科可以组织绩效目标抽审");
    }
    List<Execution> waiting = runtimeService.createExecutionQuery()
        .processDefinitionKey(GoalReviewProcess.KEY)
        .tenantIdIn(district)
        .activityId(GoalReviewProcess.EVENT_SAMPLE_DRAWN)
        .messageEventSubscriptionName(GoalReviewProcess.MESSAGE_SAMPLE_DRAWN)
        .processVariableValueEquals(GoalReviewProcess.VAR_BUDGET_YEAR, budgetYear)
        .list();
    if (waiting.isEmpty()) {
      throw ApiException.conflict(names.district(district) + " " + budgetYear + " 年度没有待抽审的已批复绩效目标");
    }
    long used = seed != null ? seed : configuredSeed != null ? configuredSeed : randomSeed();
    // one draw per rate the models gave (normally one: the district's)
    Map<Integer, List<Waiting>> byRate = new TreeMap<>();
    for (Execution execution : waiting) {
      int percent = ((Number) runtimeService.getVariable(execution.getId(), GoalReviewProcess.VAR_SAMPLING_PERCENT))
          .intValue();
      String code = (String) runtimeService.getVariable(execution.getId(), GoalReviewProcess.VAR_GOAL_SET_CODE);
      byRate.computeIfAbsent(percent, p -> new ArrayList<>()).add(new Waiting(execution.getProcessInstanceId(), code));
    }
    List<DrawResult> results = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now();
    for (Map.Entry<Integer, List<Waiting>> group : byRate.entrySet()) {
      List<Waiting> population = group.getValue();
      population.sort(Comparator.comparing(Waiting::code));
      List<String> codes = population.stream().map(Waiting::code).toList();
      Set<String> drawn = new HashSet<>(select(codes, sampleSize(codes.size(), group.getKey()), used));
      for (Waiting w : population) {
        boolean sampled = drawn.contains(w.code());
        sets.findByCode(w.code()).orElseThrow().drawn(sampled, now);
        runtimeService.createMessageCorrelation(GoalReviewProcess.MESSAGE_SAMPLE_DRAWN)
            .processInstanceId(w.processInstanceId())
            .setVariable(GoalReviewProcess.VAR_SAMPLED, sampled)
            .correlate();
      }
      GoalSampleDraw record = draws.save(new GoalSampleDraw(district, budgetYear, group.getKey(), codes.size(),
          drawn.size(), used, caller.userId(), now));
      results.add(new DrawResult(record.getId(), district, budgetYear, group.getKey(), codes.size(), drawn.size(), used,
          codes.stream().filter(drawn::contains).toList()));
    }
    return results;
  }

  /**
   * The draw as the process {@code Process_DrawGoalSample} asks for it: the year and seed as the start form
   * gave them, the user who started it; the results as process variables.
   */
  @Transactional
  public Map<String, Object> drawAs(String district, Optional<Integer> budgetYear, Optional<Long> seed, String userId) {
    int year = budgetYear.orElseThrow(() -> new InvalidInputException("请填写预算年度（如 2027）"));
    List<DrawResult> results = draw(district, year, seed.orElse(null), callers.of(userId));
    return Map.of(
        GoalReviewProcess.VAR_SAMPLE_POPULATION, results.stream().mapToInt(DrawResult::population).sum(),
        GoalReviewProcess.VAR_SAMPLE_DRAWN, results.stream().mapToInt(DrawResult::drawn).sum(),
        GoalReviewProcess.VAR_SAMPLE_SEED, results.get(0).seed(),
        GoalReviewProcess.VAR_SAMPLE_DRAWN_CODES,
        String.join("，", results.stream().flatMap(r -> r.drawnCodes().stream()).toList()));
  }

  /** round(population × percent / 100), half up: 20% of 7 is 1.4 → 1, of 8 is 1.6 → 2. */
  static int sampleSize(int population, int percent) {
    return BigDecimal.valueOf((long) population * percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /**
   * A random seed a browser can show and send back unchanged: within ±(2^53 − 1), the whole numbers
   * JavaScript (Tasklist, Cockpit, the API's JSON readers) holds exactly.
   */
  static long randomSeed() {
    return new SecureRandom().nextLong(-JS_SAFE_INTEGER, JS_SAFE_INTEGER + 1);
  }

  /** The first {@code size} of the codes after a shuffle with the seed: the same inputs always draw the same. */
  static List<String> select(List<String> codes, int size, long seed) {
    List<String> shuffled = new ArrayList<>(codes);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, size));
  }

  private record Waiting(String processInstanceId, String code) {}
}
