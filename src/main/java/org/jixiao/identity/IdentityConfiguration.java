package org.jixiao.identity;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration
@EnableConfigurationProperties(AdminProperties.class)
class IdentityConfiguration {

  /** After the districts' tenants exist (DistrictConfiguration.DEPLOY_ORDER = 10), before demo data. */
  static final int ACCESS_ORDER = 20;
  /** After demo data (its department tree, order 40): running instances follow the department tree. */
  static final int TREE_ORDER = 50;

  @Bean
  @Order(ACCESS_ORDER)
  ApplicationRunner setUpAccess(AccessSetup accessSetup, Administrator administrator) {
    return args -> {
      accessSetup.apply();
      administrator.ensure();
    };
  }

  @Bean
  @Order(TREE_ORDER)
  ApplicationRunner followDepartmentTree(SupervisorRouting routing) {
    return args -> routing.reconcile();
  }
}
