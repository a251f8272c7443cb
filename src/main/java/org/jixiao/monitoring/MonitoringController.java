package org.jixiao.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.jixiao.identity.CallerLookup;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MonitoringController {

  private final MonitoringQueries queries;
  private final KeyMonitoring key;
  private final CallerLookup callers;

  MonitoringController(MonitoringQueries queries, KeyMonitoring key, CallerLookup callers) {
    this.queries = queries;
    this.key = key;
    this.callers = callers;
  }

  /** A project's monitoring: goals, rounds, lights, decisions, plans (the forms load it). */
  @GetMapping("/api/monitoring/projects/{code}")
  MonitoringView find(@PathVariable String code, @RequestParam(required = false) Integer budgetYear) {
    return queries.find(code, budgetYear, callers.current());
  }

  /** 重点监控: the finance performance section marks the project, with its reason. */
  @PutMapping("/api/monitoring/projects/{code}/key-monitoring")
  MonitoringView markKey(@PathVariable String code, @Valid @RequestBody KeyMonitoringRequest request) {
    MonitoringProject project = key.mark(code, request.budgetYear(), request.reason(), request.comment(),
        callers.current());
    return queries.view(project);
  }

  @DeleteMapping("/api/monitoring/projects/{code}/key-monitoring")
  MonitoringView unmarkKey(@PathVariable String code, @RequestParam int budgetYear) {
    return queries.view(key.unmark(code, budgetYear, callers.current()));
  }

  /** 恢复拨付: the budget section lifts a suspension of payment. */
  @DeleteMapping("/api/monitoring/projects/{code}/payment-suspension")
  MonitoringView resumePayment(@PathVariable String code, @RequestParam int budgetYear) {
    return queries.view(key.resumePayment(code, budgetYear, callers.current()));
  }

  /** 追加监控轮次 for chosen projects of a district: all or none. */
  @PostMapping("/api/monitoring/extra-rounds")
  List<MonitoringView> extraRound(@Valid @RequestBody ExtraRoundRequest request) {
    return key.openExtraRound(request.district(), request.budgetYear(), request.projectCodes(), request.asOfDate(),
        callers.current()).stream().map(queries::view).toList();
  }

  /** 调慢补快: the district's reclaimed money of the year. */
  @GetMapping("/api/monitoring/reclaimed-pool")
  MonitoringQueries.ReclaimedPool pool(@RequestParam String district, @RequestParam int budgetYear) {
    return queries.reclaimedPool(district, budgetYear, callers.current());
  }

  record KeyMonitoringRequest(@NotNull(message = "请填写预算年度") Integer budgetYear,
      @NotNull(message = "请选择重点监控的理由") KeyReason reason, String comment) {}

  record ExtraRoundRequest(@NotNull(message = "请选择辖区") String district,
      @NotNull(message = "请填写预算年度") Integer budgetYear,
      @NotEmpty(message = "请选择要追加监控轮次的项目") List<String> projectCodes, LocalDate asOfDate) {}
}
