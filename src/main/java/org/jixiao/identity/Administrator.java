package org.jixiao.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Creates the administrator named by the environment, a member of {@code camunda-admin} and of every
 * district. Without one, the engine has no administrator and Camunda Admin would offer anyone who reaches
 * it the first-user page, so the application refuses to start.
 */
@Service
class Administrator {

  private final IdentityService identityService;
  private final AdminProperties properties;
  Administrator(IdentityService identityService, AdminProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  void ensure() {
    if (!properties.configured()) {
      long admins = identityService.createUserQuery().memberOfGroup(Role.ADMINISTRATOR.groupId()).count();
      if (admins == 0) {
        throw new IllegalStateException(
            "系统没有管理员：请通过环境变量 JIXIAO_ADMIN_USER 和 JIXIAO_ADMIN_PASSWORD 设置管理员账号后再启动");
      }
      return;
    }
    if (properties.password() == null || properties.password().isBlank()) {
      throw new IllegalStateException("已设置 JIXIAO_ADMIN_USER，但缺少 JIXIAO_ADMIN_PASSWORD");
    }
    String id = properties.id();
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("系统管理员");
      user.setLastName("（" + id + "）");
      user.setPassword(properties.password());
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(Role.ADMINISTRATOR.groupId()).count() == 0) {
      identityService.createMembership(id, Role.ADMINISTRATOR.groupId());
    }
    for (Tenant tenant : identityService.createTenantQuery().list()) {
      if (identityService.createTenantQuery().tenantId(tenant.getId()).userMember(id).count() == 0) {
        identityService.createTenantUserMembership(tenant.getId(), id);
      }
    }
  }
}
