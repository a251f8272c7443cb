package org.jixiao.project;

/** Where a project stands in the chain. */
public enum ProjectStatus {
  /** 已申报，待审核 */
  SUBMITTED,
  /** 已退回修改 */
  RETURNED,
  /** 已入库 */
  LISTED,
  /** 不予入库 */
  REJECTED
}
