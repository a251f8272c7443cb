package org.jixiao.goal;

/** Second level of the indicator tree (二级指标), each under its first level. */
public enum IndicatorLevel2 {
  QUANTITY("数量指标", IndicatorLevel1.OUTPUT),
  QUALITY("质量指标", IndicatorLevel1.OUTPUT),
  TIMELINESS("时效指标", IndicatorLevel1.OUTPUT),
  COST("成本指标", IndicatorLevel1.OUTPUT),
  ECONOMIC("经济效益指标", IndicatorLevel1.EFFECT),
  SOCIAL("社会效益指标", IndicatorLevel1.EFFECT),
  ECOLOGICAL("生态效益指标", IndicatorLevel1.EFFECT),
  SUSTAINABLE("可持续影响指标", IndicatorLevel1.EFFECT),
  SERVICE_SATISFACTION("服务对象满意度指标", IndicatorLevel1.SATISFACTION);

  private final String label;
  private final IndicatorLevel1 level1;

  IndicatorLevel2(String label, IndicatorLevel1 level1) {
    this.label = label;
    this.level1 = level1;
  }

  public String label() {
    return label;
  }

  public IndicatorLevel1 level1() {
    return level1;
  }
}
