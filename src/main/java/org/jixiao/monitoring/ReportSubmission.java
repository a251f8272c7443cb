package org.jixiao.monitoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the report form hands in (variable {@code monitoringReport}, a JSON value): the paid-to-date figure when
 * the unit gives or corrects it (with the reason a correction of an imported figure needs), each indicator's value
 * to date and deviation reason by its position, the report's deviation reasons and corrective measures, and
 * whether the previous round's correction plan was fulfilled.
 */
public record ReportSubmission(BigDecimal paidToDate, String paidCorrectionReason, List<IndicatorValue> indicators,
    String deviationReasons, String correctiveMeasures, Boolean planFulfilled, String planCheckComment) {

  /** One indicator's progress: its position in the approved goals, the value to date (or words, 定性), the reason. */
  public record IndicatorValue(Integer position, BigDecimal valueToDate, String valueText, String deviationReason) {}
}
