package org.jixiao.goal;

/** First level of the indicator tree (一级指标). */
public enum IndicatorLevel1 {
  OUTPUT("产出指标"),
  EFFECT("效益指标"),
  SATISFACTION("满意度指标");

  private final String label;

  IndicatorLevel1(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
