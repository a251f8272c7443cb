package org.jixiao.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account, from JIXIAO_ADMIN_USER and JIXIAO_ADMIN_PASSWORD; there is no default. The
 * password must satisfy the password policy unless {@code enforcePasswordPolicy} is off (the demo profile
 * only, for its documented password "demo").
 */
@ConfigurationProperties("jixiao.admin")
public record AdminProperties(String id, String password,
    @org.springframework.boot.context.properties.bind.DefaultValue("true") boolean enforcePasswordPolicy) {

  boolean configured() {
    return id != null && !id.isBlank();
  }
}
