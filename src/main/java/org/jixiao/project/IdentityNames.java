package org.jixiao.project;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Names of users and departments from the engine's identity service, for the API's display fields. */
class IdentityNames implements ProjectView.Names {

  private final IdentityService identityService;

  IdentityNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public String user(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || user.getFirstName() == null ? userId : user.getFirstName();
  }

  @Override
  public String group(String groupId) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
