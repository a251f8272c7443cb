package org.jixiao.identity;

import static java.util.stream.Collectors.toCollection;

import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Looks up what the engine's identity service knows of a user. */
@Component
public class CallerLookup {

  private final IdentityService identityService;
  private final Departments departments;

  CallerLookup(IdentityService identityService, Departments departments) {
    this.identityService = identityService;
    this.departments = departments;
  }

  public Caller of(String userId) {
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).list();
    List<Tenant> tenants =
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list();
    TreeSet<String> groupIds = groups.stream().map(Group::getId).collect(toCollection(TreeSet::new));
    TreeSet<String> districts = tenants.stream().map(Tenant::getId).collect(toCollection(TreeSet::new));
    return new Caller(
        userId,
        groupIds,
        districts,
        groups.stream()
            .filter(g -> Role.DEPARTMENT_TYPE.equals(g.getType()))
            .map(Group::getId)
            .collect(toCollection(TreeSet::new)),
        departments.reviewedBy(groupIds, districts));
  }

  /** The caller of the current request; Spring Security has already authenticated it. */
  public Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("no authenticated user in this request");
    }
    return of(authentication.getName());
  }
}
