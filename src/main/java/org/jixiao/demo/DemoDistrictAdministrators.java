package org.jixiao.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jixiao.district.District;
import org.jixiao.district.ModelLibrary;
import org.jixiao.identity.PasswordRules;
import org.jixiao.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * The demo profile's district administrators (辖区管理员): {@code <district>-admin} per district, in its
 * district only, password as every demo user's. After {@link DemoData}, which creates the other people.
 */
@Configuration
@Profile("demo")
class DemoDistrictAdministrators {

  @Bean
  @Order(45)
  ApplicationRunner createDemoDistrictAdministrators(ModelLibrary library, IdentityService identityService,
      @Value("${jixiao.demo.password}") String password) {
    return args -> {
      for (District district : library.districts()) {
        String id = district.id() + "-admin";
        if (identityService.createUserQuery().userId(id).count() > 0) {
          continue;
        }
        User user = identityService.newUser(id);
        user.setFirstName(district.name() + "管理员");
        user.setLastName(Role.DISTRICT_ADMINISTRATOR.chineseName());
        user.setEmail(id + "@demo.jixiao.local");
        user.setPassword(password);
        // the documented demo password, below the password policy: the demo profile only
        PasswordRules.saveIgnoringPolicy(identityService, user);
        identityService.createMembership(id, Role.DISTRICT_ADMINISTRATOR.groupId());
        identityService.createTenantUserMembership(district.id(), id);
      }
    };
  }
}
