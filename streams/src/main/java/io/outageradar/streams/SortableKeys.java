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

  /**
   * Digits beyond {@code width} are kept (the key is then wider, and sorts after every padded one).
   */
  public static String padded(long value, int width) {
    long rest = Math.max(0, value);
    int length = 1;
    for (long left = rest / 10; left > 0; left /= 10) {
      length++;
    }
    char[] digits = new char[Math.max(width, length)];
    for (int i = digits.length - 1; i >= 0; i--) {
      digits[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(digits);
  }
}
