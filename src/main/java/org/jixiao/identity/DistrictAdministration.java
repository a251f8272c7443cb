package org.jixiao.identity;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What a district administrator (辖区管理员, {@link Role#DISTRICT_ADMINISTRATOR}) may manage. Camunda's
 * authorizations are per resource id, not per tenant, so the role's grants ({@link AccessSetup}) allow user,
 * group and membership writes on any id, and these rules narrow them to the administrator's own districts;
 * the REST guard in {@code system} asks them before every such write.
 *
 * <p>A user is the administrator's to manage when every district they work in is one of the administrator's
 * and they work in at least one; a department (a group that is no role) the same. Members of
 * {@code camunda-admin} and of {@code districtAdmin} are never theirs: only the system administrator makes
 * administrators. A user in no district yet may only be added to one of the administrator's districts.
 */
@Component
public class DistrictAdministration {

  private final IdentityService identityService;

  DistrictAdministration(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** A district administrator and not the system administrator (who may do anything anyway). */
  public static boolean isDistrictAdministrator(Caller caller) {
    return caller.hasRole(Role.DISTRICT_ADMINISTRATOR) && !caller.isAdministrator();
  }

  /** The district is one of the administrator's. */
  public static boolean administers(Caller administrator, String district) {
    return district != null && administrator.districts().contains(district);
  }

  /** The user exists, holds no administrator role and works only in the administrator's districts. */
  public boolean managesUser(Caller administrator, String userId) {
    return asSystem(() -> {
      if (!exists(userId) || privileged(userId)) {
        return false;
      }
      Set<String> districts = userDistricts(userId);
      return !districts.isEmpty() && administrator.districts().containsAll(districts);
    });
  }

  /** The user may be added to one of the administrator's districts: theirs already, or in no district yet. */
  public boolean mayAddUserToDistrict(Caller administrator, String userId, String district) {
    return administers(administrator, district) && asSystem(() -> exists(userId) && !privileged(userId)
        && (managesUser(administrator, userId) || userDistricts(userId).isEmpty()));
  }

  /** A department (no role group) that belongs only to the administrator's districts. */
  public boolean managesGroup(Caller administrator, String groupId) {
    if (Role.ofGroup(groupId).isPresent()) {
      return false;
    }
    return asSystem(() -> {
      if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
        return false;
      }
      Set<String> districts = groupDistricts(groupId);
      return !districts.isEmpty() && administrator.districts().containsAll(districts);
    });
  }

  /** A department may join one of the administrator's districts: theirs already, or in no district yet. */
  public boolean mayAddGroupToDistrict(Caller administrator, String groupId, String district) {
    return administers(administrator, district) && Role.ofGroup(groupId).isEmpty() && asSystem(() ->
        identityService.createGroupQuery().groupId(groupId).count() > 0
            && (managesGroup(administrator, groupId) || groupDistricts(groupId).isEmpty()));
  }

  /**
   * The administrator may put its users into this group, or take them out: its own departments, and the role
   * groups of the districts' work (budget unit … people's congress), never an administrator role.
   */
  public boolean mayAssignGroup(Caller administrator, String groupId) {
    return Role.ofGroup(groupId)
        .map(role -> role != Role.ADMINISTRATOR && role != Role.DISTRICT_ADMINISTRATOR)
        .orElseGet(() -> managesGroup(administrator, groupId));
  }

  /** Puts a user or department the administrator just created into its district, as the system. */
  public void addUserToDistrict(String userId, String district) {
    asSystem(() -> {
      if (identityService.createTenantQuery().tenantId(district).userMember(userId).count() == 0) {
        identityService.createTenantUserMembership(district, userId);
      }
      return null;
    });
  }

  public void addGroupToDistrict(String groupId, String district) {
    asSystem(() -> {
      if (identityService.createTenantQuery().tenantId(district).groupMember(groupId).count() == 0) {
        identityService.createTenantGroupMembership(district, groupId);
      }
      return null;
    });
  }

  private boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  private boolean privileged(String userId) {
    return identityService.createUserQuery().userId(userId)
        .memberOfGroup(Role.ADMINISTRATOR.groupId()).count() > 0
        || identityService.createUserQuery().userId(userId)
            .memberOfGroup(Role.DISTRICT_ADMINISTRATOR.groupId()).count() > 0;
  }

  private Set<String> userDistricts(String userId) {
    return ids(identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list());
  }

  private Set<String> groupDistricts(String groupId) {
    return ids(identityService.createTenantQuery().groupMember(groupId).list());
  }

  private static Set<String> ids(List<Tenant> tenants) {
    return tenants.stream().map(Tenant::getId).collect(java.util.stream.Collectors.toSet());
  }

  /** The rules read every district's identities, which the caller's own authorizations may not show. */
  private <T> T asSystem(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
