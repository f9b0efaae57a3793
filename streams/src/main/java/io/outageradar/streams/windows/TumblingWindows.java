package io.outageradar.streams.windows;

import io.outageradar.streams.SortableKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Tumbling event-time windows kept in a key-value store, for processors that must judge each window
 * exactly once when it closes (end + grace ≤ stream time).
 *
 * <p>Why not the DSL's windowed aggregation with {@code suppress}: there, time moves only when a
 * record arrives on the same partition. When a whole region is cut off, its events stop, its
 * partition goes quiet, and its last windows — the interesting ones — would never close. Here the
 * owning processor calls {@link #advanceIfIdle} from a wall-clock punctuator: a partition idle for
 * {@code idleAdvanceAfter} has its stream time moved on by the wall-clock time that passed.
 *
 * <p>Windows are keyed {@code <zero-padded window start>|<key>}, so closing everything up to a time
 * is one range scan in time order, started where the previous close ended (the store's tombstones
 * of closed windows are never walked again). Stream time lives in memory: after a restart it is
 * rebuilt from the next records, and windows left in the store close then.
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
  private final long sizeMs;
  private final long graceMs;
  private final long idleMs;
  private long streamTime = NO_TIME;
  private long wallAtLastAdvance;
  private long closedBelow = NO_TIME;

  public TumblingWindows(KeyValueStore<String, S> store, Duration size, Duration grace, Duration idleAdvanceAfter) {
    this.store = store;
    this.sizeMs = size.toMillis();
    this.graceMs = grace.toMillis();
    this.idleMs = idleAdvanceAfter.toMillis();
  }

  public long startOf(long time) {
    return time - Math.floorMod(time, sizeMs);
  }

  /** Whether the window of {@code time} has closed already: a record for it is too late. */
  public boolean isClosed(long time) {
    return streamTime != NO_TIME && startOf(time) + sizeMs + graceMs <= streamTime;
  }

  public S get(long time, String key) {
    return store.get(windowKey(startOf(time), key));
  }

  public void put(long time, String key, S state) {
    store.put(windowKey(startOf(time), key), state);
  }

  /** Moves stream time to {@code time} if that is later, closing the windows that passes. */
  public void observe(long time, long wallNow, OnClose<S> onClose) {
    if (time > streamTime) {
      streamTime = time;
      wallAtLastAdvance = wallNow;
      closeUpTo(onClose);
    }
  }

  /** On a partition idle for {@code idleAdvanceAfter}, lets stream time follow the wall clock. */
  public void advanceIfIdle(long wallNow, OnClose<S> onClose) {
    if (streamTime == NO_TIME || wallNow - wallAtLastAdvance < idleMs) {
      return;
    }
    streamTime += wallNow - wallAtLastAdvance;
    wallAtLastAdvance = wallNow;
    closeUpTo(onClose);
  }

  private void closeUpTo(OnClose<S> onClose) {
    long lastEnd = streamTime - graceMs;
    long closable = lastEnd - sizeMs - Math.floorMod(lastEnd, sizeMs); // start of the newest closed window
    if (closedBelow != NO_TIME && closable < closedBelow) {
      return; // no window boundary crossed since the last close
    }
    long from = closedBelow == NO_TIME ? 0 : closedBelow;
    closedBelow = closable + 1;
    List<KeyValue<String, S>> closed = new ArrayList<>();
    try (KeyValueIterator<String, S> range = store.range(windowKey(from, ""), windowKey(closable, "\uffff"))) {
      range.forEachRemaining(closed::add);
    }
    for (KeyValue<String, S> window : closed) {
      long start = Long.parseLong(window.key.substring(0, PAD));
      onClose.closed(window.key.substring(PAD + 1), start, start + sizeMs, window.value);
      store.delete(window.key);
    }
  }

  /** Zero-padded so that the string order of keys is the time order of windows. */
  static String windowKey(long start, String key) {
    return SortableKeys.padded(start, PAD) + '|' + key;
  }
}
