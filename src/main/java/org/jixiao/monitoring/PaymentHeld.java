package org.jixiao.monitoring;

import java.util.EnumSet;
import java.util.List;
import org.jixiao.project.FundingCondition;
import org.jixiao.project.FundingEligibility;
import org.jixiao.project.FundingEligibility.Gate;
import org.jixiao.project.ProjectRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 暂缓或停止拨款 (财预〔2019〕136号): a project whose payment the finance bureau suspended on a red light may not be
 * paid; a stopped one (止损) may be neither procured nor paid. Budgeting is not closed: its budget stands (less
 * what was reclaimed).
 */
@Component
class PaymentHeld implements FundingCondition {

  private final MonitoringProjectRepository projects;

  PaymentHeld(MonitoringProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  @Transactional(readOnly = true)
  public List<FundingEligibility.Reason> reasonsAgainst(ProjectRef project) {
    return projects.findByProjectCodeAndBudgetYear(project.code(), project.budgetYear())
        .map(m -> switch (m.getPaymentState()) {
          case NORMAL -> List.<FundingEligibility.Reason>of();
          case SUSPENDED -> List.of(new FundingEligibility.Reason("PAYMENT_SUSPENDED",
              "运行监控红灯，财政决定暂缓拨付 " + project.budgetYear() + " 年度资金", EnumSet.of(Gate.PAYMENT)));
          case STOPPED -> List.of(new FundingEligibility.Reason("PROJECT_STOPPED",
              "运行监控红灯，财政决定止损：停止拨款，不得继续采购", EnumSet.of(Gate.PROCUREMENT, Gate.PAYMENT)));
        })
        .orElse(List.of());
  }
}
