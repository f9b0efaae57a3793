package io.outageradar.streams;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * A range of a store below with values not written to it yet laid over it, in the store's order:
 * where both have a key, the value on top wins. Both sides come in that order, by their keys'
 * serialized bytes ({@code order}).
 */
final class OverlaidRange<K, V> implements KeyValueIterator<K, V> {
  private final KeyValueIterator<K, V> below;
  private final Iterator<KeyValue<K, V>> top;
  private final Function<K, Bytes> order;
  private KeyValue<K, V> nextBelow;
  private KeyValue<K, V> nextTop;

  /**
   * {@code top} is sorted by {@code order} and lies within the range {@code below} was read for.
   */
  OverlaidRange(KeyValueIterator<K, V> below, List<KeyValue<K, V>> top, Function<K, Bytes> order) {
    this.below = below;
    this.top = top.iterator();
    this.order = order;
    this.nextBelow = below.hasNext() ? below.next() : null;
    this.nextTop = this.top.hasNext() ? this.top.next() : null;
  }

  @Override
  public boolean hasNext() {
    return nextBelow != null || nextTop != null;
  }

  @Override
  public KeyValue<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int compared =
        nextTop == null
            ? -1
            : nextBelow == null
                ? 1
                : order.apply(nextBelow.key).compareTo(order.apply(nextTop.key));
    if (compared < 0) {
      KeyValue<K, V> entry = nextBelow;
      nextBelow = below.hasNext() ? below.next() : null;
      return entry;
    }
    if (compared == 0) {
      nextBelow = below.hasNext() ? below.next() : null; // the value on top replaces it
    }
    KeyValue<K, V> entry = nextTop;
    nextTop = top.hasNext() ? top.next() : null;
    return entry;
  }

  @Override
  public K peekNextKey() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (nextTop == null) {
      return nextBelow.key;
    }
    if (nextBelow == null) {
      return nextTop.key;
    }
    return order.apply(nextBelow.key).compareTo(order.apply(nextTop.key)) < 0
        ? nextBelow.key
        : nextTop.key;
  }

  @Override
  public void close() {
    below.close();
  }
}
