package io.outageradar.simulation;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a publisher back before each event: to a multiple of real time (replays), to a fixed number
 * of events per second (load), or not at all.
 */
public interface Pacing {
  /** Called before each event is sent, with its event time; returns when it is due. */
  void await(Instant eventTime);

  /** As fast as the producer takes events. */
  static Pacing unpaced() {
    return eventTime -> {};
  }

  /**
   * Events go out at {@code speed} times real time: with 60, events an hour apart in event time go
   * out a minute apart. Speed 0 or less means unpaced.
   */
  static Pacing speed(double speed) {
    if (speed <= 0) {
      return unpaced();
    }
    return new Pacing() {
      private Instant eventOrigin;
      private long wallOriginNanos;

      @Override
      public void await(Instant eventTime) {
        if (eventOrigin == null) {
          eventOrigin = eventTime;
          wallOriginNanos = System.nanoTime();
          return;
        }
        sleepUntil(
            wallOriginNanos
                + (long)
                    ((eventTime.toEpochMilli() - eventOrigin.toEpochMilli()) * 1_000_000 / speed));
      }
    };
  }

  /**
   * {@code perSecond} events a second on average, whatever their event times; 0 or less means
   * unpaced.
   */
  static Pacing rate(double perSecond) {
    if (perSecond <= 0) {
      return unpaced();
    }
    double nanosPerEvent = 1e9 / perSecond;
    return new Pacing() {
      private long sent;
      private long wallOriginNanos;

      @Override
      public void await(Instant eventTime) {
        if (sent == 0) {
          wallOriginNanos = System.nanoTime();
        }
        sleepUntil(wallOriginNanos + (long) (sent++ * nanosPerEvent));
      }
    };
  }

  private static void sleepUntil(long dueNanos) {
    long waitNanos = dueNanos - System.nanoTime();
    // below a millisecond the park would cost more than it keeps; such debts are paid by the next
    // wait
    if (waitNanos > 1_000_000) {
      LockSupport.parkNanos(waitNanos);
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("publishing interrupted");
      }
    }
  }
}
