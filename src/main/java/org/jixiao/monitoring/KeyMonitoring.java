package org.jixiao.monitoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.jixiao.identity.Caller;
import org.jixiao.identity.Role;
import org.jixiao.system.ApiException;
import org.jixiao.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 财政重点监控: the finance bureau's performance section marks projects for key monitoring (their reports are
 * reviewed by finance, and they get the district's extra rounds from the settings table) and opens extra rounds
 * for chosen projects. Only the performance section, only in its own districts; another district's project is
 * answered as one that does not exist.
 */
@Service
public class KeyMonitoring {

  private final MonitoringProjectRepository projects;
  private final RuntimeService runtimeService;

  KeyMonitoring(MonitoringProjectRepository projects, RuntimeService runtimeService) {
    this.projects = projects;
    this.runtimeService = runtimeService;
  }

  /** Marks (or re-marks with another reason) the project's monitoring of the year as key monitoring. */
  @Transactional
  public MonitoringProject mark(String projectCode, int budgetYear, KeyReason reason, String comment, Caller caller) {
    requirePerformanceSection(caller);
    if (reason == null) {
      throw new InvalidInputException("请选择重点监控的理由：重大政策、民生项目、重大工程、审计发现问题或以往评价发现问题");
    }
    MonitoringProject project = visible(projectCode, budgetYear, caller);
    if (project.isStopped()) {
      throw ApiException.conflict("项目已止损，运行监控已结束：" + projectCode);
    }
    project.markKey(reason, MonitoringRounds.text(comment, "说明", 500), caller.userId(), OffsetDateTime.now());
    reschedule(project);
    return project;
  }

  /** Takes the project out of key monitoring; reports of rounds already open keep their finance review. */
  @Transactional
  public MonitoringProject unmark(String projectCode, int budgetYear, Caller caller) {
    requirePerformanceSection(caller);
    MonitoringProject project = visible(projectCode, budgetYear, caller);
    project.unmarkKey(caller.userId(), OffsetDateTime.now());
    reschedule(project);
    return project;
  }

  /** Lifts a suspension of payment (暂缓拨付) once the unit has corrected: the budget section's decision. */
  @Transactional
  public MonitoringProject resumePayment(String projectCode, int budgetYear, Caller caller) {
    if (!caller.hasRole(Role.FINANCE_BUDGET) && !caller.isAdministrator()) {
      throw ApiException.forbidden("只有财政局预算科可以恢复拨付");
    }
    MonitoringProject project = visible(projectCode, budgetYear, caller);
    if (project.getPaymentState() != PaymentState.SUSPENDED) {
      throw ApiException.conflict("该项目当前" + project.getPaymentState().label() + "，没有暂缓的拨付可以恢复");
    }
    project.resumePayment(OffsetDateTime.now());
    return project;
  }

  /**
   * 追加监控轮次 for the chosen projects of one district and year, with data to {@code asOf} (today if none):
   * every project must be waiting for its next round (not in a round, not stopped, not ended), else nothing is
   * opened and the answer lists why (409).
   */
  @Transactional
  public List<MonitoringProject> openExtraRound(String district, int budgetYear, List<String> projectCodes,
      LocalDate asOf, Caller caller) {
    requirePerformanceSection(caller);
    if (district == null || !caller.worksIn(district)) {
      throw ApiException.notFound("辖区不存在：" + district);
    }
    if (projectCodes == null || projectCodes.isEmpty()) {
      throw new InvalidInputException("请选择要追加监控轮次的项目");
    }
    LocalDate today = LocalDate.now(MonitoringRounds.ZONE);
    LocalDate dataTo = asOf == null ? today : asOf;
    if (dataTo.getYear() != budgetYear || dataTo.isAfter(today)) {
      throw new InvalidInputException("追加轮次的数据截至日期应在 " + budgetYear + " 年内，且不晚于今天");
    }
    List<MonitoringProject> chosen = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String code : new LinkedHashSet<>(projectCodes)) {
      MonitoringProject project = projects.findByProjectCodeAndBudgetYear(code, budgetYear)
          .filter(p -> p.getDistrict().equals(district))
          .orElseThrow(() -> ApiException.notFound("该辖区 " + budgetYear + " 年度没有该项目的运行监控：" + code));
      if (!waitingForRound(project)) {
        refused.add(code + (project.isStopped() ? "（已止损）" : "（本轮监控尚未完成或本年监控已结束）"));
      }
      chosen.add(project);
    }
    if (!refused.isEmpty()) {
      throw ApiException.conflict("以下项目现在不能追加监控轮次，均未追加：" + String.join("、", refused));
    }
    OffsetDateTime now = OffsetDateTime.now();
    for (MonitoringProject project : chosen) {
      project.requestExtraRound(dataTo, now);
      runtimeService.createMessageCorrelation(MonitoringProcess.MESSAGE_EXTRA_ROUND)
          .processInstanceId(project.getProcessInstanceId())
          .correlateWithResult();
    }
    return chosen;
  }

  /**
   * Key monitoring changes the district's rounds for the project: one waiting for its next round (or for the year's
   * end) is scheduled again, so a round key monitoring adds is held and a lifted one is not. A project in the middle
   * of a round is scheduled when the round closes.
   */
  private void reschedule(MonitoringProject project) {
    if (project.getProcessInstanceId() != null) {
      runtimeService.createMessageCorrelation(MonitoringProcess.MESSAGE_SCHEDULE_CHANGED)
          .processInstanceId(project.getProcessInstanceId())
          .correlateAll();
    }
  }

  private boolean waitingForRound(MonitoringProject project) {
    return !project.isStopped() && project.getProcessInstanceId() != null
        && runtimeService.createEventSubscriptionQuery().processInstanceId(project.getProcessInstanceId())
            .eventType("message").eventName(MonitoringProcess.MESSAGE_EXTRA_ROUND).count() > 0;
  }

  private MonitoringProject visible(String projectCode, int budgetYear, Caller caller) {
    return projects.findByProjectCodeAndBudgetYear(projectCode, budgetYear)
        .filter(p -> caller.worksIn(p.getDistrict()))
        .orElseThrow(() -> ApiException.notFound("该项目 " + budgetYear + " 年度尚未进入运行监控：" + projectCode));
  }

  private static void requirePerformanceSection(Caller caller) {
    if (!caller.hasRole(Role.FINANCE_PERFORMANCE) && !caller.isAdministrator()) {
      throw ApiException.forbidden("只有财政局绩效科可以确定重点监控项目和追加监控轮次");
    }
  }
}
