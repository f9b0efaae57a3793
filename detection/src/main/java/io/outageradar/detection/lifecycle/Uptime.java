package io.outageradar.detection.lifecycle;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.RegionTrack;
import io.outageradar.avro.state.UptimeBucket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Uptime of a region from its probe windows: the share of windows that were not DOWN, over the last
 * 24 hours (hourly buckets), 7 days and 30 days (daily buckets), as of its latest window.
 */
public final class Uptime {
  private static final Duration DAY = Duration.ofDays(1);

  /** Uptime in percent over each span; null where no window was judged in it. */
  public record Percentages(Double last24h, Double last7d, Double last30d) {}

  private Uptime() {}

  /** Counts a closed window in the region's hour and day. */
  static void count(RegionTrack track, RegionWindowHealth window) {
    boolean down = window.getStatus() == HealthStatus.DOWN;
    Instant start = window.getWindowStart();
    add(track.getUptimeHours(), start.truncatedTo(ChronoUnit.HOURS), down);
    add(track.getUptimeDays(), start.truncatedTo(ChronoUnit.DAYS), down);
    Instant latest = window.getWindowEnd();
    dropUpTo(track.getUptimeHours(), latest.minus(DAY));
    dropUpTo(track.getUptimeDays(), latest.minus(DAY.multipliedBy(30)));
  }

  /**
   * Drops the oldest buckets up to {@code limit}, by index: the lists of a deserialized Avro record
   * do not support removal through an iterator.
   */
  private static void dropUpTo(List<UptimeBucket> buckets, Instant limit) {
    while (!buckets.isEmpty() && !buckets.get(0).getStart().isAfter(limit)) {
      buckets.remove(0);
    }
  }

  private static void add(List<UptimeBucket> buckets, Instant start, boolean down) {
    UptimeBucket last = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
    if (last == null || last.getStart().isBefore(start)) {
      last = new UptimeBucket(start, 0, 0);
      buckets.add(last);
    } else if (last.getStart().isAfter(start)) {
      // an older window arriving late belongs to an earlier bucket, if that is still kept
      last = buckets.stream().filter(b -> b.getStart().equals(start)).findFirst().orElse(null);
      if (last == null) {
        return;
      }
    }
    last.setWindows(last.getWindows() + 1);
    last.setDownWindows(last.getDownWindows() + (down ? 1 : 0));
  }

  /** The region's uptime as of its latest window. */
  public static Percentages of(RegionTrack track) {
    Instant latest = track.getLastWindowEnd();
    return new Percentages(
        percent(track.getUptimeHours(), latest.minus(DAY)),
        percent(track.getUptimeDays(), latest.minus(DAY.multipliedBy(7))),
        percent(track.getUptimeDays(), latest.minus(DAY.multipliedBy(30))));
  }

  private static Double percent(List<UptimeBucket> buckets, Instant after) {
    long windows = 0;
    long down = 0;
    for (UptimeBucket bucket : buckets) {
      if (bucket.getStart().isAfter(after)) {
        windows += bucket.getWindows();
        down += bucket.getDownWindows();
      }
    }
    return windows == 0 ? null : 100.0 * (windows - down) / windows;
  }
}
