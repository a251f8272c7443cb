package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.LocalDate;

/**
 * The checks every paid-to-date figure passes, imported or corrected by the unit: a number of 元 with at most two
 * decimals, not negative, not above the budget the report may still spend, dated within the report's budget year.
 * Each check answers the Chinese reason for refusing, or null.
 */
final class PaidToDateRules {

  private PaidToDateRules() {}

  /** Null for a valid amount; the reason otherwise. The amount shown is the one given. */
  static String amountProblem(BigDecimal paid) {
    if (paid.signum() < 0) {
      return "累计支付金额不能为负数：" + paid.toPlainString();
    }
    if (paid.stripTrailingZeros().scale() > 2) {
      return "累计支付金额最多保留两位小数（分）：" + paid.toPlainString();
    }
    if (paid.compareTo(new BigDecimal("9999999999999999.99")) > 0) {
      return "累计支付金额过大：" + paid.toPlainString();
    }
    return null;
  }

  /** Above the budget is refused; exactly the budget is allowed. */
  static String budgetProblem(BigDecimal paid, BigDecimal budget) {
    return paid.compareTo(budget) > 0
        ? "累计支付金额 " + yuan(paid) + " 元超过可用预算 " + yuan(budget) + " 元"
        : null;
  }

  static String dateProblem(LocalDate asOf, int budgetYear) {
    return asOf.getYear() != budgetYear
        ? "截至日期 " + asOf + " 不在预算年度 " + budgetYear + " 年内"
        : null;
  }

  /**
   * The budget a report's figure is checked against: the budget when its round opened, or less if money was
   * reclaimed (调慢补快) since.
   */
  static BigDecimal budgetOf(MonitoringReport report, MonitoringProject project) {
    BigDecimal budget = report.getBudgetAmount();
    return project != null && project.getAvailableBudget().compareTo(budget) < 0 ? project.getAvailableBudget() : budget;
  }

  /** paid / budget to 4 places (0.6250 = 62.50 %); null for a budget of 0. */
  static BigDecimal executionRate(BigDecimal paid, BigDecimal budget) {
    return budget.signum() == 0 ? null
        : paid.divide(budget, MonitoringReport.RATIO_SCALE, RoundingMode.HALF_UP);
  }

  static String yuan(BigDecimal amount) {
    return new DecimalFormat("#,##0.00").format(amount);
  }
}
