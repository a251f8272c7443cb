package org.jixiao.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/**
 * One indicator (三级指标) of a version: where it sits in the tree, its target and weight. A value object,
 * written with its version and never updated. {@code commonIndicatorCode} names the library entry it was
 * taken from, if any; a unit's own indicator has none.
 */
@Embeddable
public record Indicator(
    @Enumerated(EnumType.STRING) @Column(nullable = false) IndicatorLevel1 level1,
    @Enumerated(EnumType.STRING) @Column(nullable = false) IndicatorLevel2 level2,
    @Column(nullable = false) String name,
    @Enumerated(EnumType.STRING) @Column(nullable = false) TargetComparator comparator,
    BigDecimal targetValue,
    String targetText,
    String unit,
    @Column(nullable = false) BigDecimal weight,
    String commonIndicatorCode) {

  /** The target as a reader writes it: "≥ 95 %", "定性：明显改善". */
  public String target() {
    if (comparator.quantitative()) {
      String value = targetValue == null ? "" : targetValue.stripTrailingZeros().toPlainString();
      return comparator.symbol() + " " + value + (unit == null ? "" : " " + unit);
    }
    return "定性：" + (targetText == null ? "" : targetText);
  }

  /** What the indicator asks, as compared between versions: place, name, target and weight (not the library code). */
  String content() {
    return key() + "|" + target() + "|" + weight.stripTrailingZeros().toPlainString();
  }

  /** Same place in the tree and same name: the identity used to compare two versions. */
  String key() {
    return level2.name() + "/" + name;
  }
}
