package io.outageradar.tools.chaos;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * When the n-th kill comes: the first right after the first outage record, the second during a
 * recovery (once an outage is RECOVERING), the others a seeded 1–6 s after the child restarted.
 */
record KillPoint(String description, Predicate<OutageEvent> after, Duration patience) {
  static KillPoint of(int n, SplittableRandom random) {
    if (n == 0) {
      return new KillPoint(
          "right after the first outage record", outage -> true, Duration.ofMinutes(5));
    }
    if (n == 1) {
      return new KillPoint(
          "during a recovery",
          outage -> outage.getState() == OutageState.RECOVERING,
          Duration.ofMinutes(5));
    }
    Duration delay = Duration.ofMillis(1000 + random.nextLong(5000));
    return new KillPoint(delay.toMillis() + " ms after the restart", outage -> false, delay);
  }

  /** Whether the point is a moment in the outputs (rather than a delay). */
  boolean waitsForOutput() {
    return patience.compareTo(Duration.ofMinutes(1)) > 0;
  }
}
