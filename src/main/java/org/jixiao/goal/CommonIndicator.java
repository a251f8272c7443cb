package org.jixiao.goal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/** A common indicator (共性指标) of a category, with a suggested target a unit may take or change. */
@Entity
@Immutable
@Table(name = "common_indicator")
public class CommonIndicator {

  @Id
  private Long id;

  private String code;

  private String category;

  @Enumerated(EnumType.STRING)
  private IndicatorLevel1 level1;

  @Enumerated(EnumType.STRING)
  private IndicatorLevel2 level2;

  private String name;

  @Enumerated(EnumType.STRING)
  private TargetComparator comparator;

  private BigDecimal targetValue;

  private String targetText;

  private String unit;

  private String guidance;

  private int sortOrder;

  protected CommonIndicator() {}

  public String getCode() {
    return code;
  }

  public String getCategory() {
    return category;
  }

  public IndicatorLevel1 getLevel1() {
    return level1;
  }

  public IndicatorLevel2 getLevel2() {
    return level2;
  }

  public String getName() {
    return name;
  }

  public TargetComparator getComparator() {
    return comparator;
  }

  public BigDecimal getTargetValue() {
    return targetValue;
  }

  public String getTargetText() {
    return targetText;
  }

  public String getUnit() {
    return unit;
  }

  public String getGuidance() {
    return guidance;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
