package org.jixiao.identity;

import java.util.Set;

/**
 * The authenticated user of a request, as the engine knows them: role and department groups and the
 * districts (tenants) they work in.
 */
public record Caller(String userId, Set<String> groupIds, Set<String> districts, Set<String> departments) {

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

  /**
   * May this caller read a department's record (project, goals) in a district? Administrators always;
   * otherwise only in their own districts, reviewers (every role but the budget unit) any department's,
   * a budget unit only its own department's.
   */
  public boolean mayRead(String district, String department) {
    if (isAdministrator()) {
      return true;
    }
    if (!worksIn(district)) {
      return false;
    }
    boolean reviewer = groupIds.stream().anyMatch(g -> Role.ofGroup(g).filter(r -> r != Role.BUDGET_UNIT).isPresent());
    return reviewer || belongsTo(department);
  }
}
