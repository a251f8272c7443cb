package org.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.jixiao.JixiaoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile there is no default account: the administrator comes from the environment. */
@org.junit.jupiter.api.Tag(org.jixiao.OwnEngine.TAG)
class AdministratorTest {

  @Test
  void withoutAnAdministratorFromTheEnvironmentTheApplicationRefusesToStart() {
    assertThatThrownBy(() -> start("jixiao.admin.id=", "jixiao.admin.password=").close())
        .hasMessageContaining("JIXIAO_ADMIN_USER");
  }

  @Test
  void theAdministratorFromTheEnvironmentIsTheOnlyUserAndWorksInEveryDistrict() {
    try (ConfigurableApplicationContext app = start("jixiao.admin.id=chief", "jixiao.admin.password=Budget#2026season")) {
      IdentityService identity = app.getBean(IdentityService.class);

      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("chief");
      assertThat(identity.checkPassword("chief", "Budget#2026season")).isTrue();
      assertThat(identity.createUserQuery().userId("chief").memberOfGroup("camunda-admin").count()).isOne();
      assertThat(identity.createTenantQuery().userMember("chief").count()).isEqualTo(5);
    }
  }

  @Test
  void anAdministratorPasswordBelowThePasswordPolicyStopsTheStartWithTheRulesItBreaks() {
    assertThatThrownBy(() -> start("jixiao.admin.id=chief", "jixiao.admin.password=1").close())
        .hasMessageContaining("JIXIAO_ADMIN_PASSWORD 不符合密码策略")
        .hasMessageContaining("至少 10 个字符")
        .hasMessageContaining("至少 1 个大写字母");
    assertThatThrownBy(() -> start("jixiao.admin.id=chief", "jixiao.admin.password=Chief#2026budget").close())
        .as("the administrator's own id in the password").hasMessageContaining("不得包含用户名、姓名或邮箱");
  }

  private static ConfigurableApplicationContext start(String... properties) {
    // command-line arguments, so that they win over application-test.yaml
    java.util.List<String> args = new java.util.ArrayList<>();
    for (String property : properties) {
      args.add("--" + property);
    }
    args.add("--server.port=0");
    // not "default": see RestartTest.ENGINE_NAME
    args.add("--camunda.bpm.process-engine-name=administrator-test");
    args.add("--spring.datasource.url=jdbc:h2:mem:admin-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return new SpringApplicationBuilder(JixiaoApplication.class).profiles("test").run(args.toArray(String[]::new));
  }
}
