package org.jixiao.project;

/** What is applied for (项目/政策类型); the rule tables decide by it. */
public enum ItemType {
  GENERAL_POLICY("普惠性政策"),
  SPECIAL_POLICY("专项政策"),
  NEW_CONSTRUCTION("新增建设项目"),
  DEPARTMENT_PROJECT("部门项目支出");

  private final String label;

  ItemType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
