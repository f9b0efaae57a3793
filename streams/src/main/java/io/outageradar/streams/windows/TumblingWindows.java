package io.outageradar.streams.windows;

import io.outageradar.streams.KeyIndex;
import io.outageradar.streams.SortableKeys;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Tumbling event-time windows kept in a key-value store, for processors that must judge each window
 * exactly once when it closes (end + grace ≤ the time they are closed at).
 *
 * <p>The owner decides when windows close: on every advance of its task's stream time (so what a
 * window holds is a function of the input records alone, whatever the speed, lag or restarts), and
 * — only when the whole task has been idle — on the wall clock (see the detection processor).
 *
 * <p>Windows are keyed {@code <zero-padded window start>|<key>}, so the store's key order is time
 * order, and closing everything up to a time walks the open windows' keys in that order ({@link
 * KeyIndex}: no range scan of the store).
 */
public final class TumblingWindows<S> {
  /** Receives each closed window, oldest first. */
  @FunctionalInterface
  public interface OnClose<S> {
    void closed(String key, long start, long end, S state);
  }

  private static final int PAD = SortableKeys.MILLIS_WIDTH;
  private static final long NO_TIME = Long.MIN_VALUE;

  private final KeyValueStore<String, S> store;
  private final KeyIndex open;
  private final long sizeMs;
  private final long graceMs;
  private long closedBelow = NO_TIME;

  public TumblingWindows(KeyValueStore<String, S> store, Duration size, Duration grace) {
    this.store = store;
    this.open = new KeyIndex(store);
    this.sizeMs = size.toMillis();
    this.graceMs = grace.toMillis();
  }

  public long startOf(long time) {
    return time - Math.floorMod(time, sizeMs);
  }

  /**
   * Whether the window of {@code time} was closed by a close at {@code closedAt}: a record for it
   * is too late.
   */
  public boolean isClosed(long time, long closedAt) {
    return closedAt != NO_TIME && startOf(time) + sizeMs + graceMs <= closedAt;
  }

  /**
   * Replaces the state of the window of {@code time} with {@code change} of it ({@code null} when
   * the window is new).
   */
  public void update(long time, String key, UnaryOperator<S> change) {
    String windowKey = windowKey(startOf(time), key);
    S current = store.get(windowKey);
    store.put(windowKey, change.apply(current));
    if (current == null) {
      open.added(windowKey); // a key the store has is in the index already
    }
  }

  /** Closes, oldest first, every window whose end + grace is at or before {@code time}. */
  public void closeUpTo(long time, OnClose<S> onClose) {
    long lastEnd = time - graceMs;
    long closable =
        lastEnd - sizeMs - Math.floorMod(lastEnd, sizeMs); // start of the newest closable window
    if (closedBelow != NO_TIME && closable < closedBelow) {
      return; // no window boundary crossed since the last close
    }
    long from = closedBelow == NO_TIME ? 0 : closedBelow;
    closedBelow = closable + 1;
    for (String windowKey : open.range(windowKey(from, ""), windowKey(closable, "\uffff"))) {
      long start = Long.parseLong(windowKey.substring(0, PAD));
      onClose.closed(windowKey.substring(PAD + 1), start, start + sizeMs, store.get(windowKey));
      store.delete(windowKey);
      open.removed(windowKey);
    }
  }

  /** Whether no window is open. */
  public boolean allClosed() {
    return open.isEmpty();
  }

  /** Zero-padded so that the string order of keys is the time order of windows. */
  static String windowKey(long start, String key) {
    return SortableKeys.padded(start, PAD) + '|' + key;
  }
}
