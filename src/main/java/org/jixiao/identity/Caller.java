package org.jixiao.identity;

import java.util.Set;

/**
 * The authenticated user of a request, as the engine knows them: role and department groups, the districts
 * (tenants) they work in, and for a supervisor the departments they review along the department tree
 * ({@link Departments#reviewedBy}).
 */
public record Caller(String userId, Set<String> groupIds, Set<String> districts, Set<String> departments,
    Set<String> reviewed) {

  /** A caller who reviews no department (no supervisor role). */
  public Caller(String userId, Set<String> groupIds, Set<String> districts, Set<String> departments) {
    this(userId, groupIds, districts, departments, Set.of());
  }

  public boolean hasRole(Role role) {
    return groupIds.contains(role.groupId());
  }

  public boolean isAdministrator() {
    return hasRole(Role.ADMINISTRATOR);
  }

  public boolean worksIn(String district) {
    return isAdministrator() || districts.contains(district);
  }

  public boolean belongsTo(String department) {
    return departments.contains(department);
  }

  /** Does this caller review the department as its 主管部门 (or as a supervisor of a department outside the tree)? */
  public boolean reviews(String department) {
    return reviewed.contains(department);
  }

  /**
   * May this caller read a department's record (project, goals) in a district? Administrators always;
   * otherwise only in their own districts: a budget unit its own department's, a supervisor its own units'
   * (the department tree), the district-wide roles (finance, committee, experts, third parties, 人大) any.
   */
  public boolean mayRead(String district, String department) {
    if (isAdministrator()) {
      return true;
    }
    if (!worksIn(district)) {
      return false;
    }
    boolean districtWide = groupIds.stream().anyMatch(g -> Role.ofGroup(g)
        .filter(r -> r != Role.BUDGET_UNIT && r != Role.SUPERVISING_DEPARTMENT).isPresent());
    return districtWide || belongsTo(department) || reviews(department);
  }
}
