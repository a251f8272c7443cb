package org.jixiao.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of ../shared/domain.md as Camunda groups. Roles are global groups; the district a user works
 * in comes from their tenant memberships, and a budget unit's department from a {@link #DEPARTMENT_TYPE}
 * group.
 */
public enum Role {
  BUDGET_UNIT("budgetUnit", "预算单位"),
  SUPERVISING_DEPARTMENT("supervisingDepartment", "主管部门"),
  FINANCE_PERFORMANCE("financePerformance", "财政局绩效科"),
  FINANCE_BUDGET("financeBudget", "财政局预算科"),
  BUDGET_COMMITTEE("budgetCommittee", "预算（资金）管理委员会"),
  EXPERT("expert", "评审专家"),
  THIRD_PARTY("thirdParty", "第三方机构"),
  NPC_OBSERVER("npcObserver", "人大预算工委"),
  ADMINISTRATOR("camunda-admin", "系统管理员"),
  /**
   * Manages its own districts' users and departments in Admin and deploys models from Camunda Modeler into
   * its own tenants only (see identity/DistrictAdministration and system/DistrictAdministratorGuard).
   */
  DISTRICT_ADMINISTRATOR("districtAdmin", "辖区管理员");

  /** Camunda group type of role groups. */
  public static final String ROLE_TYPE = "ROLE";
  /** Camunda group type of a department (部门), the budget unit's own organisation. */
  public static final String DEPARTMENT_TYPE = "DEPARTMENT";

  private final String groupId;
  private final String chineseName;

  Role(String groupId, String chineseName) {
    this.groupId = groupId;
    this.chineseName = chineseName;
  }

  public String groupId() {
    return groupId;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
