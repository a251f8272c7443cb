package org.jixiao.identity;

import java.util.List;
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

  /** The role a user acts in, for opinions: the first role group they hold, in the order of {@link Role}. */
  public Role primaryRole() {
    return List.of(Role.values()).stream().filter(this::hasRole).findFirst().orElse(Role.BUDGET_UNIT);
  }
}
