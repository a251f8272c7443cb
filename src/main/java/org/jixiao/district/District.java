package org.jixiao.district;

import java.time.ZoneId;

/**
 * A jurisdiction (区县/辖区) that runs its own models. Its id is the name of its folder under
 * {@code processes/districts/} and the id of its Camunda tenant.
 */
public record District(String id, String name, String fullName) {

  /** The time zone of every district's dates: due dates, as-of dates, budget years, times on records. */
  public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Shanghai");
}
