package org.jixiao.monitoring;

/** The warning light (红黄灯) a monitoring report gets from the district's lights table (monitoring-lights.dmn). */
public enum Light {
  GREEN("绿灯"),
  YELLOW("黄灯"),
  RED("红灯");

  private final String label;

  Light(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
