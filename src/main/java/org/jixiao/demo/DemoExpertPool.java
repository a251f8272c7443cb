package org.jixiao.demo;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.jixiao.district.District;
import org.jixiao.district.ModelLibrary;
import org.jixiao.exante.ExpertPanels;
import org.jixiao.identity.Caller;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.PasswordRules;
import org.jixiao.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * The demo districts' expert pools (专家库), after the demo users exist: nine experts per district
 * ({@code <district>-expert1} … {@code -expert9}; 8 and 9 are added here so that Jilin's seven seats can still
 * avoid one department), expert1 affiliated with the district's first department, expert2 with its second,
 * the others independent. Departments are looked up at run time (DEPARTMENT groups of the tenant).
 */
@Configuration
@Profile("demo")
class DemoExpertPool {

  static final int EXPERTS = 9;
  private static final String[] FIELDS = {"教育管理", "卫生健康", "财政会计", "工程造价", "经济管理", "社会保障",
      "生态环境", "农业农村", "审计法律"};

  private static final String[] EXTRA_NAMES = {"孔德明", "韩雪梅", "曹文杰", "邓丽君", "冯志远", "彭静怡", "曾国华",
      "萧然", "田野"};

  @Bean
  @Order(41)
  ApplicationRunner createDemoExpertPool(ModelLibrary library, IdentityService identityService,
      ExpertPanels panels, CallerLookup callers, @Value("${jixiao.demo.password}") String password) {
    return args -> {
      Caller system = new Caller("demo", java.util.Set.of(Role.ADMINISTRATOR.groupId()), java.util.Set.of(),
          java.util.Set.of());
      for (District district : library.districts()) {
        List<String> departments = identityService.createGroupQuery().groupType(Role.DEPARTMENT_TYPE)
            .memberOfTenant(district.id()).list().stream().map(Group::getId)
            .sorted(Comparator.comparing((String id) -> !id.endsWith("-education")).thenComparing(id -> id))
            .toList();
        for (int i = 1; i <= EXPERTS; i++) {
          String userId = district.id() + "-expert" + i;
          ensureExpert(identityService, district, userId, i, password);
          String affiliation = i <= 2 && departments.size() >= i ? departments.get(i - 1) : null;
          panels.register(district.id(), userId, affiliation, FIELDS[i - 1], true, system);
        }
      }
    };
  }

  private static void ensureExpert(IdentityService identity, District district, String userId, int i,
      String password) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identity.newUser(userId);
    user.setFirstName(EXTRA_NAMES[(i - 1) % EXTRA_NAMES.length]);
    user.setLastName(district.name() + " 评审专家");
    user.setEmail(userId + "@demo.jixiao.local");
    user.setPassword(password);
    PasswordRules.saveIgnoringPolicy(identity, user);
    identity.createMembership(userId, Role.EXPERT.groupId());
    identity.createTenantUserMembership(district.id(), userId);
  }
}
