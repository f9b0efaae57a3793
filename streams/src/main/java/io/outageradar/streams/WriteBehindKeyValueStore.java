package io.outageradar.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store for state that one record after another reads, changes and writes back (an open
 * window's aggregate): the values written since the last commit stay on the heap as objects and
 * reach the store below — an in-memory store and its changelog — once per commit, not once per
 * record.
 *
 * <p>Why: with the Streams record cache every update still encodes the whole aggregate (Avro) and
 * every read decodes it again; that was most of the detection thread's time (JFR, bench at 10,000
 * keys). Kafka Streams flushes its caches ({@link #flushCache()}) before it commits offsets or
 * closes a task, and that is where the held values are written, so a commit never covers a record
 * whose effect on the state is not in the changelog: a crash loses only uncommitted work, which is
 * processed again. Reads of ranges write the held values first, so they see everything; an owner
 * that only deletes a range ({@link #deleteRange}) needs neither the write nor the order.
 *
 * <p>Values read or written stay on the heap until the next commit, so a key touched again before
 * it is not decoded again — and no longer: at a commit everything held is let go. Kafka Streams may
 * change the store below without passing through here (a task recycled into a standby and back is
 * restored from the changelog underneath, with no call to this store), and a value held across that
 * would be stale state. For the stream thread only: not for interactive queries.
 *
 * <p>The store below is in memory, not RocksDB: under load, this state's writes and deletes were
 * most of RocksDB's flushes and compactions, and its write stalls held the stream thread at every
 * commit (a bench's alerts came 77 s late). What it keeps is small — open windows, the hour's
 * reporters, held records and verdicts, all deleted when done — and is restored from the changelog.
 */
public final class WriteBehindKeyValueStore<K, V>
    extends WrappedStateStore<KeyValueStore<K, V>, K, V> implements KeyValueStore<K, V> {
  /**
   * A held value, whether the store below has it yet, and whether the store below may have any
   * value of its key (if not, deleting it needs nothing below).
   */
  private static final class Held<V> {
    V value;
    boolean unwritten;
    boolean below;

    Held(V value, boolean below) {
      this.value = value;
      this.below = below;
    }
  }

  private final Map<K, Held<V>> held = new HashMap<>();

  /**
   * Keys whose held value the store below does not have yet, in the order they were first written.
   */
  private final List<K> unwritten = new ArrayList<>();

  WriteBehindKeyValueStore(KeyValueStore<K, V> store) {
    super(store);
  }

  /**
   * The changelog of an in-memory store is all a restart has: rolled and compacted hourly, it holds
   * about the live state plus the last hour's changes, not days of windows written and deleted.
   */
  static final Map<String, String> CHANGELOG =
      Map.of("segment.ms", "3600000", "delete.retention.ms", "3600000");

  /**
   * An in-memory, logged store of {@code name}, written behind: for state that lives a moment (most
   * of it is deleted before the next commit) and is small at any time, restored from its changelog.
   */
  public static <K, V> StoreBuilder<KeyValueStore<K, V>> inMemoryBuilder(
      String name, Serde<K> keySerde, Serde<V> valueSerde) {
    return new Builder<>(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, valueSerde)
            .withLoggingEnabled(CHANGELOG));
  }

  /**
   * Deletes every key of {@code store} from {@code from} to {@code to} (both included), in no
   * particular order. When {@code store} is written behind (as Kafka Streams hands it to a
   * processor: within its own wrappers), what it holds in that range is dropped on the heap, so a
   * key put and deleted between two commits reaches neither the store below nor its changelog; any
   * other store is read by range.
   *
   * <p>Why: the hourly forgetting of reporters read a range and deleted what it found, and the
   * range first wrote every held reporter, only for the delete to follow: 450,013 changelog records
   * in the demo, against 92,347 now.
   */
  public static <V> void deleteRange(KeyValueStore<String, V> store, String from, String to) {
    StateStore inner = store;
    while (!(inner instanceof WriteBehindKeyValueStore)
        && inner instanceof WrappedStateStore<?, ?, ?> wrapper) {
      inner = wrapper.wrapped();
    }
    if (inner instanceof WriteBehindKeyValueStore<?, ?> writtenBehind) {
      @SuppressWarnings("unchecked") // the store the caller holds has string keys
      WriteBehindKeyValueStore<String, ?> own = (WriteBehindKeyValueStore<String, ?>) writtenBehind;
      deleteBetween(own, from, to);
      return;
    }
    List<String> found = new ArrayList<>();
    try (KeyValueIterator<String, V> range = store.range(from, to)) {
      range.forEachRemaining(entry -> found.add(entry.key));
    }
    found.forEach(store::delete);
  }

  /**
   * Held keys not written yet (string keys compare as the store below orders them), then the store
   * below's. Only the unwritten list is walked: a key held but written is in the store below, and a
   * miss held is no key at all. The list is dense, while the held map keeps the capacity it grew to
   * until the commit and its walk visited every empty slot as well.
   */
  private static <W> void deleteBetween(
      WriteBehindKeyValueStore<String, W> store, String from, String to) {
    Comparator<String> order = KeyIndex.orderAgainst(from, to);
    // deleting leaves the list as it is, and a key listed twice is no longer held the second time
    for (String key : store.unwritten) {
      if (order.compare(key, from) >= 0 && order.compare(key, to) <= 0) {
        Held<W> slot = store.held.get(key);
        if (slot != null && slot.unwritten) {
          store.delete(key);
        }
      }
    }
    List<String> below = new ArrayList<>();
    try (KeyValueIterator<String, W> range = store.wrapped().range(from, to)) {
      range.forEachRemaining(entry -> below.add(entry.key));
    }
    below.forEach(store::delete);
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    forgetHeld();
    super.init(context, root);
  }

  @Override
  public V get(K key) {
    Held<V> value = held.get(key);
    if (value != null) {
      return value.value;
    }
    V below = wrapped().get(key);
    // a miss is held too: a get then put of a new key (the usual first write) reads below once
    held.put(key, new Held<>(below, below != null));
    return below;
  }

  @Override
  public void put(K key, V value) {
    if (value == null) {
      delete(key);
      return;
    }
    Held<V> slot = held.computeIfAbsent(key, k -> new Held<>(value, wrapped().get(k) != null));
    slot.value = value;
    if (!slot.unwritten) {
      slot.unwritten = true;
      unwritten.add(key);
    }
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V current = get(key);
    if (current == null) {
      put(key, value);
    }
    return current;
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    entries.forEach(entry -> put(entry.key, entry.value));
  }

  @Override
  public V delete(K key) {
    Held<V> slot = held.remove(key);
    if (slot == null) {
      return wrapped().delete(key);
    }
    if (slot.below) {
      wrapped().delete(key);
    }
    // a value put and deleted between two commits never reaches the store below or its changelog
    slot.unwritten = false; // still listed in unwritten: skipped there
    return slot.value;
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    writeHeld();
    return wrapped().range(from, to);
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    writeHeld();
    return wrapped().reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<K, V> all() {
    writeHeld();
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    writeHeld();
    return wrapped().reverseAll();
  }

  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(
      P prefix, PS prefixKeySerializer) {
    writeHeld();
    return wrapped().prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    writeHeld();
    return wrapped().approximateNumEntries();
  }

  /** Called by Kafka Streams before every commit and before a task closes. */
  @Override
  public void flushCache() {
    writeHeld();
    held.clear();
    super.flushCache();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    writeHeld();
    held.clear();
    super.commit(changelogOffsets);
  }

  @Override
  public Position getPosition() {
    return wrapped().getPosition();
  }

  /**
   * A task closed (cleanly or not) or restored from the changelog: the held values are not its
   * state any more.
   */
  @Override
  public void close() {
    forgetHeld();
    super.close();
  }

  private void writeHeld() {
    for (K key : unwritten) {
      Held<V> slot = held.get(key);
      if (slot != null && slot.unwritten) {
        wrapped().put(key, slot.value);
        slot.unwritten = false;
        slot.below = true;
      }
    }
    unwritten.clear();
  }

  private void forgetHeld() {
    held.clear();
    unwritten.clear();
  }

  private static final class Builder<K, V> implements StoreBuilder<KeyValueStore<K, V>> {
    private final StoreBuilder<KeyValueStore<K, V>> below;

    Builder(StoreBuilder<KeyValueStore<K, V>> below) {
      this.below = below.withCachingDisabled(); // this store is the cache
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
      return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
      below.withLoggingEnabled(config);
      return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
      below.withLoggingDisabled();
      return this;
    }

    @Override
    public KeyValueStore<K, V> build() {
      return new WriteBehindKeyValueStore<>(below.build());
    }

    @Override
    public Map<String, String> logConfig() {
      return below.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return below.loggingEnabled();
    }

    @Override
    public String name() {
      return below.name();
    }
  }
}
