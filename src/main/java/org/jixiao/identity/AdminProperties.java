package org.jixiao.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The administrator account, from JIXIAO_ADMIN_USER and JIXIAO_ADMIN_PASSWORD; there is no default. */
@ConfigurationProperties("jixiao.admin")
public record AdminProperties(String id, String password) {

  boolean configured() {
    return id != null && !id.isBlank();
  }
}
