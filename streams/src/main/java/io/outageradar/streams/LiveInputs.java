package io.outageradar.streams;

/**
 * When the silence of an input may be taken for idleness: soon for a live input, only after the
 * configured idle time for one still in historical time (a replay or a catch-up).
 *
 * <p>Why soon: for a live input the wall clock decides no record's fate. A clock that follows the
 * wall clock never passes it, so a record still counts unless it comes more than the grace after
 * its window ended, as when records drive the clock. What the silence decides is only how soon the
 * others stop waiting for it: sparse live reports (a burst every few seconds) held every probe
 * verdict back until the next burst, 3 s at the median of the steady bench. In historical time a
 * silence may be a slow producer, and moving on would close windows its next records belong to.
 */
public final class LiveInputs {
  /** How far behind the wall clock an input's event time may be and still count as live. */
  public static final long WITHIN_MS = 60_000;

  /** How long a live input may be silent, with nothing left to process, before it is idle. */
  public static final long SILENCE_MS = 250;

  private LiveInputs() {}

  /** Whether an input that has reached {@code eventTime} is live at {@code wallNow}. */
  public static boolean live(long eventTime, long wallNow) {
    return eventTime >= wallNow - WITHIN_MS;
  }

  /** The silence after which an input counts as idle: {@code idleMs}, shorter when it is live. */
  public static long idleAfter(boolean live, long idleMs) {
    return live ? Math.min(SILENCE_MS, idleMs) : idleMs;
  }
}
