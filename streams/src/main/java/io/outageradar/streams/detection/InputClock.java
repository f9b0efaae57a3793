package io.outageradar.streams.detection;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The event time one input of a task (its probes, or its reports) has reached, kept in a store so
 * that it survives a restart together with the windows it closed.
 *
 * <p>Each input has its own clock because the two inputs are separate topics: a consumer may read
 * one ahead of the other, and a report must not be judged late because probes of a later moment
 * happened to be fetched first. Within one input, records come in the order they were produced.
 *
 * <p>An input that receives nothing for a while of wall-clock time may be idle — its owner decides
 * how long, and whether the silence means there is nothing to read (see the detection processor).
 * An idle input's clock follows the wall clock (so its last windows close). The other input stops
 * waiting for it, unless its clock is live: following the wall clock, it costs the others only the
 * silence it waited, and holding them back keeps the verdicts of both inputs in window-end order.
 */
final class InputClock {
  static final long NONE = Long.MIN_VALUE;

  private final String name;
  private final KeyValueStore<String, Long> store;
  private long time;
  private long wallAtLastMove;
  private long timeAtLastCheck = NONE;
  private boolean idle;

  InputClock(String name, KeyValueStore<String, Long> store, long wallNow) {
    this.name = name;
    this.store = store;
    Long stored = store.get(name);
    this.time = stored == null ? NONE : stored;
    this.wallAtLastMove = wallNow;
  }

  long time() {
    return time;
  }

  boolean seen() {
    return time != NONE;
  }

  /** Whether the other input should wait for this one: it is not idle. */
  boolean holdsBack() {
    return !idle;
  }

  /**
   * As {@link #holdsBack()}, and an idle input whose time is {@code liveFrom} or later holds back.
   */
  boolean holdsBack(long liveFrom) {
    return !idle || (time != NONE && time >= liveFrom);
  }

  /** A record of this input at {@code eventTime} was processed. */
  void observe(long eventTime) {
    idle = false;
    if (eventTime > time) {
      time = eventTime;
      store.put(name, time);
    }
  }

  /**
   * Checks for idleness at {@code wallNow}; returns whether the clock moved on with the wall clock.
   * Only when {@code silenceMeansIdle} does a silence of {@code idleMs} make the input idle; an
   * input never heard from can turn idle too, so a probes-only deployment does not wait for
   * reports. The clock moves by the silence plus {@code jumpMs}, the jump never carrying it past
   * {@code jumpCeiling}; while idle, it moves again after every further {@code idleMs}.
   */
  boolean followWallClockIfIdle(
      long wallNow, boolean silenceMeansIdle, long idleMs, long jumpMs, long jumpCeiling) {
    if (time != timeAtLastCheck && !idle) {
      timeAtLastCheck = time;
      wallAtLastMove = wallNow;
      return false;
    }
    long quietFor = wallNow - wallAtLastMove;
    if (quietFor < idleMs || !silenceMeansIdle) {
      return false;
    }
    idle = true;
    if (time == NONE) {
      return false;
    }
    time = Math.max(time + quietFor, Math.min(time + quietFor + jumpMs, jumpCeiling));
    timeAtLastCheck = time;
    wallAtLastMove = wallNow;
    store.put(name, time);
    return true;
  }
}
