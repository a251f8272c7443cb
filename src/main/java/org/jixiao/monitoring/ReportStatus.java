package org.jixiao.monitoring;

/**
 * Where a monitoring report stands: opened with the round, submitted by the unit (the light is then evaluated),
 * reviewed by the finance bureau (重点监控) or decided on (a red light), closed when the round is done for it;
 * ended when the project was stopped (止损) before it was closed.
 */
public enum ReportStatus {
  OPEN("待填报"),
  SUBMITTED("已报送"),
  REVIEWED("财政已审核"),
  DECIDED("财政已处理"),
  CLOSED("本轮已完成"),
  ENDED("项目已止损");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
