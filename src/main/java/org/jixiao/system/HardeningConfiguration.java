package org.jixiao.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.district.ModelUploads;
import org.jixiao.identity.CallerLookup;
import org.jixiao.identity.DistrictAdministration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login and identity hardening in front of every door: secure cookies over HTTPS, login throttling per
 * source, then (after Spring Security has authenticated the REST caller) the password policy in Chinese and
 * the administrator-only engine resources of the webapps, and the district administrators' bounds
 * ({@link DistrictAdministratorGuard}). See docs/security.md.
 */
@Configuration
@EnableConfigurationProperties(LoginThrottleProperties.class)
class HardeningConfiguration {

  /** Spring Security's filter chain runs at -100 (SecurityProperties.DEFAULT_FILTER_ORDER). */
  private static final int BEFORE_SECURITY = -200;
  private static final int AFTER_SECURITY = -90;

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties) {
    return new LoginThrottle(properties, Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<SecureCookies> secureCookiesFilter() {
    FilterRegistrationBean<SecureCookies> registration = new FilterRegistrationBean<>(new SecureCookies());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, objectMapper));
    registration.setOrder(BEFORE_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyFilter> passwordPolicyFilter(IdentityService identityService,
      CallerLookup callers, LoginThrottle throttle, ObjectMapper objectMapper) {
    FilterRegistrationBean<PasswordPolicyFilter> registration = new FilterRegistrationBean<>(
        new PasswordPolicyFilter(identityService, callers, throttle, objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(AFTER_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DistrictAdministratorGuard> districtAdministratorGuard(CallerLookup callers,
      DistrictAdministration rules, ModelUploads uploads, ObjectMapper objectMapper) {
    FilterRegistrationBean<DistrictAdministratorGuard> registration = new FilterRegistrationBean<>(
        new DistrictAdministratorGuard(callers, rules, uploads, objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    // before the password policy: another district's user is refused before its password is judged
    registration.setOrder(AFTER_SECURITY - 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> administratorOnlyWebappFilter(CallerLookup callers,
      ObjectMapper objectMapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(AdministratorOnly.webappFilter(callers, objectMapper));
    registration.addUrlPatterns("/camunda/api/*");
    registration.setOrder(AFTER_SECURITY + 1);
    return registration;
  }
}
