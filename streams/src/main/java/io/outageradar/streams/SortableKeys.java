package io.outageradar.streams;

/**
 * Store keys that sort by time: a non-negative number zero-padded to a fixed width, so that the
 * string order of keys (and a range scan) is the numeric order. One place for every store that
 * scans by time.
 */
public final class SortableKeys {
  /** Wide enough for epoch milliseconds until the year 33658. */
  public static final int MILLIS_WIDTH = 15;

  private SortableKeys() {}

  public static String padded(long value, int width) {
    String digits = Long.toString(Math.max(0, value));
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
