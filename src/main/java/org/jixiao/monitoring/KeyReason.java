package org.jixiao.monitoring;

/** Why the finance bureau put a project under key monitoring (重点监控). */
public enum KeyReason {
  MAJOR_POLICY("重大政策"),
  LIVELIHOOD("社会关注度高的民生项目"),
  MAJOR_WORKS("重大工程"),
  AUDIT_FINDING("审计发现问题"),
  EVALUATION_FINDING("以往评价发现问题");

  private final String label;

  KeyReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
