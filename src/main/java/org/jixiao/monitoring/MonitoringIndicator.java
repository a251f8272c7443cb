package org.jixiao.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One approved indicator in a monitoring report: copied from the goal version in force when the round opened
 * (its position there, name, unit, comparator, target), and the unit's value to date, the completion ratio
 * and the reason for a deviation.
 */
@Entity
@Table(name = "monitoring_indicator")
public class MonitoringIndicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "report_id", updatable = false)
  private MonitoringReport report;

  /** Position of the indicator in the approved goal version (0-based), its id there */
  @Column(nullable = false, updatable = false)
  private int position;

  @Column(updatable = false)
  private String level1;

  @Column(updatable = false)
  private String level2;

  @Column(nullable = false, updatable = false)
  private String name;

  /** GE, LE, EQ or QUALITATIVE, as the goal's TargetComparator */
  @Column(nullable = false, updatable = false)
  private String comparator;

  @Column(updatable = false)
  private BigDecimal targetValue;

  @Column(updatable = false)
  private String targetText;

  @Column(updatable = false)
  private String unit;

  @Column(updatable = false)
  private BigDecimal weight;

  private BigDecimal valueToDate;

  /** For a qualitative indicator: the progress in words */
  private String valueText;

  /** Completion ratio (value to date against the target), 4 places */
  private BigDecimal completion;

  private String deviationReason;

  protected MonitoringIndicator() {}

  MonitoringIndicator(MonitoringReport report, int position, String level1, String level2, String name,
      String comparator, BigDecimal targetValue, String targetText, String unit, BigDecimal weight) {
    this.report = report;
    this.position = position;
    this.level1 = level1;
    this.level2 = level2;
    this.name = name;
    this.comparator = comparator;
    this.targetValue = targetValue;
    this.targetText = targetText;
    this.unit = unit;
    this.weight = weight;
  }

  void report(BigDecimal valueToDate, String valueText, BigDecimal completion, String deviationReason) {
    this.valueToDate = valueToDate;
    this.valueText = valueText;
    this.completion = completion;
    this.deviationReason = deviationReason;
  }

  public Long getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getLevel1() {
    return level1;
  }

  public String getLevel2() {
    return level2;
  }

  public String getName() {
    return name;
  }

  public String getComparator() {
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

  public BigDecimal getWeight() {
    return weight;
  }

  public BigDecimal getValueToDate() {
    return valueToDate;
  }

  public String getValueText() {
    return valueText;
  }

  public BigDecimal getCompletion() {
    return completion;
  }

  public String getDeviationReason() {
    return deviationReason;
  }
}
