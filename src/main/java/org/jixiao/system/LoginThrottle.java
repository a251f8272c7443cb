package org.jixiao.system;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failed logins counted per source (the client address; behind a trusted reverse proxy the forwarded one),
 * never per user, so that nobody can lock a named user out: after {@code maxFailures} failures within
 * {@code window} a source is refused until its oldest counted failure leaves the window. An IPv6 source
 * counts by its /64 network, which one machine usually owns whole. At most {@code maxSources} sources are
 * remembered (the least recently seen is forgotten first), so a client rotating addresses cannot grow the
 * memory without limit.
 */
class LoginThrottle {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final int maxFailures;
  private final long windowMillis;
  private final int maxSources;
  private final Clock clock;
  private final Map<String, long[]> failures;

  LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.maxFailures = Math.max(1, properties.maxFailures());
    this.windowMillis = properties.window().toMillis();
    this.maxSources = Math.max(1, properties.maxSources());
    this.clock = clock;
    this.failures = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
        return size() > LoginThrottle.this.maxSources;
      }
    };
  }

  /** How long {@code source} must still wait, if it is refused now. */
  synchronized Optional<Duration> refusal(String source) {
    long[] times = failures.get(key(source));
    if (times == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    long oldest = oldestInWindow(times, now);
    int counted = countInWindow(times, now);
    if (counted < maxFailures) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(oldest + windowMillis - now));
  }

  /** Counts a failed login of {@code source}. */
  synchronized void failed(String source) {
    long now = clock.millis();
    long[] times = failures.computeIfAbsent(key(source), k -> new long[maxFailures]);
    // the slots hold the last maxFailures failure times; overwrite the oldest
    int oldest = 0;
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[oldest]) {
        oldest = i;
      }
    }
    times[oldest] = now;
  }

  /** The number of sources remembered. */
  synchronized int size() {
    return failures.size();
  }

  private int countInWindow(long[] times, long now) {
    int n = 0;
    for (long t : times) {
      if (t != 0 && t > now - windowMillis) {
        n++;
      }
    }
    return n;
  }

  private long oldestInWindow(long[] times, long now) {
    long oldest = Long.MAX_VALUE;
    for (long t : times) {
      if (t != 0 && t > now - windowMillis && t < oldest) {
        oldest = t;
      }
    }
    return oldest;
  }

  /** The counting key of a client address: IPv4 as it is, IPv6 its /64 network, anything else as given. */
  static String key(String address) {
    if (address == null || address.isBlank()) {
      return "?";
    }
    String a = address.trim();
    if (IPV4.matcher(a).matches()) {
      return a;
    }
    if (a.length() <= 45 && IPV6.matcher(a).matches()) {
      try {
        // an IPv6 literal (it contains ':') is parsed, never looked up
        byte[] bytes = java.net.InetAddress.getByName(a).getAddress();
        if (bytes.length == 16) {
          StringBuilder prefix = new StringBuilder("v6:");
          for (int i = 0; i < 8; i++) {
            prefix.append(String.format("%02x", bytes[i]));
          }
          return prefix.toString();
        }
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
      } catch (java.net.UnknownHostException e) {
        // not an address after all
      }
    }
    return a.length() > 64 ? a.substring(0, 64) : a;
  }
}
