package org.jixiao.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Creates the administrator named by the environment, a member of {@code camunda-admin} and of every
 * district. Without one, the engine has no administrator and Camunda Admin would offer anyone who reaches
 * it the first-user page, so the application refuses to start. Its password must satisfy the password
 * policy ({@link PasswordRules}), except the demo profile's documented one.
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
    User user = identityService.newUser(id);
    user.setFirstName("系统管理员");
    user.setLastName("（" + id + "）");
    List<String> violations = properties.enforcePasswordPolicy()
        ? PasswordRules.violations(identityService, properties.password(), user) : List.of();
    if (!violations.isEmpty()) {
      throw new IllegalStateException("JIXIAO_ADMIN_PASSWORD 不符合密码策略（" + String.join("；", violations)
          + "）：请设置一个更强的管理员密码后再启动");
    }
    if (identityService.createUserQuery().userId(id).count() == 0) {
      user.setPassword(properties.password());
      if (properties.enforcePasswordPolicy()) {
        identityService.saveUser(user);
      } else {
        PasswordRules.saveIgnoringPolicy(identityService, user);
      }
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
