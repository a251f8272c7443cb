package org.jixiao.district;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration
@EnableConfigurationProperties(ModelsProperties.class)
class DistrictConfiguration {

  /** Start-up step 1 of the platform: tenants and models, before identity and demo data. */
  static final int DEPLOY_ORDER = 10;

  @Bean
  ModelLibrary modelLibrary(ModelsProperties properties) {
    return new ModelLibrary(properties);
  }

  @Bean
  @Order(DEPLOY_ORDER)
  ApplicationRunner deployDistrictModels(DistrictModelDeployer deployer, ModelLibrary library) {
    return args -> deployer.deploy(library);
  }
}
