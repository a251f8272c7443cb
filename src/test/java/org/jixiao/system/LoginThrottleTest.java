package org.jixiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The counting behind the login throttle: per source, a sliding window, bounded memory. */
class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(new LoginThrottleProperties(3, Duration.ofMinutes(1), 100), clock);

  @Test
  void aSourceIsRefusedAfterTheLimitUntilItsOldestFailureLeavesTheWindow() {
    throttle.failed("203.0.113.1");
    clock.advance(Duration.ofSeconds(10));
    throttle.failed("203.0.113.1");
    assertThat(throttle.refusal("203.0.113.1")).isEmpty();
    throttle.failed("203.0.113.1");

    assertThat(throttle.refusal("203.0.113.1")).contains(Duration.ofSeconds(50));
    clock.advance(Duration.ofSeconds(50));
    assertThat(throttle.refusal("203.0.113.1")).as("the first failure left the window").isEmpty();
    throttle.failed("203.0.113.1");
    assertThat(throttle.refusal("203.0.113.1")).as("one more failure: refused again").contains(Duration.ofSeconds(10));
  }

  @Test
  void otherSourcesAreNotAffected() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("203.0.113.2");
    }

    assertThat(throttle.refusal("203.0.113.2")).isPresent();
    assertThat(throttle.refusal("198.51.100.2")).isEmpty();
  }

  @Test
  void anIpv6SourceCountsByItsSlash64() {
    throttle.failed("2001:db8:1:2::1");
    throttle.failed("2001:db8:1:2::ffff");
    throttle.failed("2001:db8:1:2:aaaa:bbbb:cccc:dddd");

    assertThat(throttle.refusal("2001:db8:1:2::42")).isPresent();
    assertThat(throttle.refusal("2001:db8:1:3::1")).isEmpty();
    assertThat(LoginThrottle.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(LoginThrottle.key("not an address.example")).as("never looked up").isEqualTo("not an address.example");
  }

  @Test
  void memoryStaysBoundedWhenTheSourceRotates() {
    for (int i = 0; i < 5000; i++) {
      throttle.failed("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256));
    }

    assertThat(throttle.size()).isEqualTo(100);
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
