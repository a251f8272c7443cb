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
}
