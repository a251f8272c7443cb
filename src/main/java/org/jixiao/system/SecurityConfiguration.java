package org.jixiao.system;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.jixiao.identity.CallerLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. {@code /api/**}, {@code /engine-rest/**} and the non-public actuator endpoints take HTTP Basic
 * against the engine's users and answer 401/403 in JSON; Tasklist forms may also read them with the webapp
 * login (see {@link WebappSessionAuthenticationFilter}). The webapps under {@code /camunda} keep Camunda's
 * own session login and CSRF protection; everything else there is static.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain restApis(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
      JsonSecurityErrors errors, IdentityService identityService, CallerLookup callers) throws Exception {
    return http
        // path patterns on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's
        .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
            // metrics and telemetry count every district; the rest of the actuator is for operators
            .requestMatchers(paths(AdministratorOnly.REST_PATHS)).access(AdministratorOnly.manager(callers))
            .anyRequest().authenticated())
        .authenticationProvider(provider)
        .httpBasic(basic -> basic.authenticationEntryPoint(errors))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        // stateless; a Tasklist form's read with the webapp session must leave that session as it is: session
        // fixation protection would give it a new id on every read and log Tasklist out (the form's next
        // request and Tasklist's own come with the old id)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // stateless Basic authentication: no cookie, so no cross-site request to forge
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService, callers), WebappSessionAuthenticationFilter.class)
        .build();
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) builder.matcher(p)).toList());
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // Camunda's webapps carry their own login (session) and CSRF filter
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }
}
