package io.outageradar.detection;

import java.time.Instant;

/** What counts as a usable event time: after 2000-01-01 and not absurdly far in the future. */
public final class EventTimes {
  static final long EARLIEST_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
  static final long LATEST_MS = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

  private EventTimes() {}

  public static boolean isPlausible(Instant time) {
    return time != null && isPlausible(time.toEpochMilli());
  }

  public static boolean isPlausible(long millis) {
    return millis >= EARLIEST_MS && millis < LATEST_MS;
  }
}
