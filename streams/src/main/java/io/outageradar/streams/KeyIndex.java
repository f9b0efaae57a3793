package io.outageradar.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The keys of a string-keyed store, on the heap and in the store's own order, for an owner that
 * walks its keys in order (closing windows, releasing verdicts) and is the only one to add or
 * remove them.
 *
 * <p>Why: a range scan of a cached or written-behind store first writes everything held on the heap
 * to the store below and its changelog, then merges two iterators — per window boundary, that was a
 * sixth of the stream thread in the demo (JFR), and it wrote every open window once per boundary
 * instead of once per commit. With the keys at hand, the owner reads each due key with a point
 * lookup, which the heap answers.
 *
 * <p>The index is read from the store on first use, so it is the store's state after any restore:
 * Kafka Streams initialises a task's processors again (and so makes a new index) whenever it
 * restores or revives the task.
 */
public final class KeyIndex {
  /**
   * The order of the keys' UTF-8 bytes — the stores' (RocksDB or in memory) and so a range scan's —
   * which differs from {@link String#compareTo} for characters outside the Basic Multilingual
   * Plane.
   */
  public static final Comparator<String> STORE_ORDER = KeyIndex::compareCodePoints;

  private final KeyValueStore<String, ?> store;
  private NavigableSet<String> keys;

  /**
   * Store order for comparing keys with {@code bounds}: {@link String#compareTo} when every bound
   * is ASCII. At the first unit where a key differs from such a bound, the bound's unit is ASCII:
   * an ASCII unit of the key compares the same in both orders, any other is above it in both. The
   * intrinsic is several times faster than walking the units one by one (a range of an hour's
   * reporters was dropped this way from a heap of tens of thousands).
   */
  public static Comparator<String> orderAgainst(String... bounds) {
    for (String bound : bounds) {
      for (int i = 0; i < bound.length(); i++) {
        if (bound.charAt(i) >= 0x80) {
          return STORE_ORDER;
        }
      }
    }
    return String::compareTo;
  }

  public KeyIndex(KeyValueStore<String, ?> store) {
    this.store = store;
  }

  /** Notes a key the owner has just written (whether or not it was there before). */
  public void added(String key) {
    keys().add(key);
  }

  /** Notes a key the owner has just deleted. */
  public void removed(String key) {
    keys().remove(key);
  }

  /** The keys from {@code from} to {@code to}, both included, in store order: a copy. */
  public List<String> range(String from, String to) {
    if (STORE_ORDER.compare(from, to) > 0) {
      return List.of();
    }
    return new ArrayList<>(keys().subSet(from, true, to, true));
  }

  /** Whether the store holds no key. */
  public boolean isEmpty() {
    return keys().isEmpty();
  }

  /** The first key at or after {@code from}, or {@code null}. */
  public String firstFrom(String from) {
    return keys().ceiling(from);
  }

  private NavigableSet<String> keys() {
    if (keys == null) {
      keys = new TreeSet<>(STORE_ORDER);
      try (KeyValueIterator<String, ?> all = store.all()) {
        all.forEachRemaining(entry -> keys.add(entry.key));
      }
    }
    return keys;
  }

  /**
   * Code point order, char by char: two UTF-16 units that differ are in code point order unless one
   * is half of a surrogate pair, which stands for a code point above every other unit's.
   */
  private static int compareCodePoints(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xPair = Character.isSurrogate(x);
        return xPair == Character.isSurrogate(y) ? Character.compare(x, y) : xPair ? 1 : -1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
