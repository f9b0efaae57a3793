package io.outageradar.producers.replay;

import java.time.Instant;

/**
 * Holds a replay back to a multiple of real time: with speed 60, events an hour apart in event time
 * go out a minute apart. Speed 0 or less means as fast as possible.
 */
final class Pacer {
  private final double speed;
  private Instant eventOrigin;
  private long wallOriginNanos;

  Pacer(double speed) {
    this.speed = speed;
  }

  void await(Instant eventTime) {
    if (speed <= 0) {
      return;
    }
    if (eventOrigin == null) {
      eventOrigin = eventTime;
      wallOriginNanos = System.nanoTime();
      return;
    }
    long dueNanos = wallOriginNanos + (long) ((eventTime.toEpochMilli() - eventOrigin.toEpochMilli()) * 1_000_000 / speed);
    long waitNanos = dueNanos - System.nanoTime();
    if (waitNanos > 0) {
      try {
        // pacing to the scenario's clock, not waiting for readiness
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("replay interrupted", e);
      }
    }
  }
}
