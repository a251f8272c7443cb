package org.jixiao.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jixiao.security.login-throttle}: how many failed logins one source may make within the window
 * before it is refused with 429, and how many sources are remembered at most.
 */
@ConfigurationProperties("jixiao.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("10") int maxFailures, @DefaultValue("5m") Duration window,
    @DefaultValue("10000") int maxSources) {}
