package org.jixiao.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

/** Names of users and departments from the engine's identity service, for the API's display fields. */
public class IdentityNames {

  private final IdentityService identityService;

  public IdentityNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String user(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || user.getFirstName() == null ? userId : user.getFirstName();
  }

  public String group(String groupId) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  /** A district's display name (the tenant's name), or its id when it has none. */
  public String district(String districtId) {
    Tenant tenant = identityService.createTenantQuery().tenantId(districtId).singleResult();
    return tenant == null || tenant.getName() == null ? districtId : tenant.getName();
  }
}
