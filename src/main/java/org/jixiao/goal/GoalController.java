package org.jixiao.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.jixiao.identity.CallerLookup;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GoalController {

  private final GoalSetting setting;
  private final GoalQueries queries;
  private final GoalAdjustments adjustments;
  private final GoalSampling sampling;
  private final IndicatorLibrary library;
  private final CallerLookup callers;

  GoalController(GoalSetting setting, GoalQueries queries, GoalAdjustments adjustments, GoalSampling sampling,
      IndicatorLibrary library, CallerLookup callers) {
    this.setting = setting;
    this.queries = queries;
    this.adjustments = adjustments;
    this.sampling = sampling;
    this.library = library;
    this.callers = callers;
  }

  /** The project categories of the common-indicator library. */
  @GetMapping("/api/indicator-categories")
  List<IndicatorLibrary.CategoryView> categories() {
    return library.categories();
  }

  /** The common indicators (共性指标) of a category, offered when drafting goals. */
  @GetMapping("/api/common-indicators")
  List<IndicatorLibrary.CommonIndicatorView> commonIndicators(@RequestParam String category) {
    return library.indicators(category);
  }

  /** Opens goal setting for a further year of a listed project, or for a department's whole budget. */
  @PostMapping("/api/goal-sets")
  ResponseEntity<GoalSetView> open(@Valid @RequestBody OpenGoalSetRequest request) {
    GoalSetView view = setting.open(request, callers.current());
    return ResponseEntity.created(URI.create("/api/goal-sets/" + view.code())).body(view);
  }

  @GetMapping("/api/goal-sets")
  List<GoalSetView> list(@RequestParam String district, @RequestParam int budgetYear) {
    return queries.list(district, budgetYear, callers.current());
  }

  /** The caller's department's approved goal sets, for the adjustment start form. */
  @GetMapping("/api/goal-sets/adjustable")
  List<GoalSetView> adjustable() {
    return adjustments.adjustable(callers.current());
  }

  @GetMapping("/api/goal-sets/{code}")
  GoalSetView find(@PathVariable String code) {
    return queries.find(code, callers.current());
  }

  /** 目标调整: the unit proposes changed goals with a reason; finance re-approves or refuses in Tasklist. */
  @PostMapping("/api/goal-sets/{code}/adjustments")
  ResponseEntity<GoalSetView> requestAdjustment(@PathVariable String code,
      @Valid @RequestBody AdjustmentRequest request) {
    GoalSetView view = adjustments.requestAdjustment(code, request, callers.current());
    return ResponseEntity.created(URI.create("/api/goal-sets/" + code)).body(view);
  }

  /** 抽审: draws the district's share of the year's approved goal sets for a re-check. */
  @PostMapping("/api/goal-samplings")
  List<GoalSampling.DrawResult> draw(@Valid @RequestBody DrawRequest request) {
    return sampling.draw(request.district(), request.budgetYear(), request.seed(), callers.current());
  }

  record DrawRequest(
      @NotBlank(message = "请填写辖区") String district,
      @NotNull(message = "请填写预算年度")
      @Min(value = 2000, message = "预算年度应在 2000 到 2100 之间")
      @Max(value = 2100, message = "预算年度应在 2000 到 2100 之间")
      Integer budgetYear,
      Long seed) {}
}
