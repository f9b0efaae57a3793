package io.outageradar.detection.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The seasonal slot of a time: 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00–24:00 UTC. */
public final class HourOfWeek {
  private HourOfWeek() {}

  public static int of(Instant time) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    return (utc.getDayOfWeek().getValue() - 1) * 24 + utc.getHour();
  }
}
