package io.outageradar.streams.placement;

import io.outageradar.streams.LiveInputs;
import io.outageradar.streams.SortableKeys;
import io.outageradar.streams.placement.SourceMerge.Held;
import io.outageradar.topics.ServicePartitioner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts every record of one input into the task that owns its service, whatever partition its
 * producer chose, and hands the task's records on in an order that depends on the records alone.
 *
 * <p>Why: detection needs every region of a service in one task, in event-time order (see {@code
 * DetectionProcessor}). Producers that partition by service ({@code ServicePartitioner}) put them
 * there already; every other client (kafkajs, librdkafka, Connect, a REST proxy, a Java producer
 * with the default partitioner) hashes the whole key. A record already in its service's partition
 * stays in this task; any other goes to the input's by-service topic, into the partition of its
 * service. The records one task gathers from several source partitions are merged as {@link
 * SourceMerge} says, so the outcome does not depend on which task ran ahead.
 *
 * <p>Each source partition's task tells every other task how far its input has come: every
 * forwarded record carries its order time, and between records a marker (no key, no value, the
 * headers below) carries it on the wall-clock tick; a task that has processed its input partition
 * to its end ({@link PlacementProgress}: handed over by the consumer <em>and</em> processed, not
 * only fetched) and has been quiet for {@code idleAfter} (less when live: {@link LiveInputs}) says
 * it is idle. With one partition per input (a backtest) every record is in place and nothing is
 * sent anywhere.
 *
 * @param <V> the input's value type
 */
final class ServicePlacement<V> implements Processor<String, V, String, V> {
  static final String SOURCE = "radar.source";
  static final String OFFSET = "radar.offset";
  static final String ORDER = "radar.order";
  static final String IDLE = "radar.idle";

  private static final int SOURCE_WIDTH = 6;
  private static final int OFFSET_WIDTH = 19;
  private static final String OWN = "own";
  private static final String PROMISE = "promise|";
  private static final String IDLE_SOURCE = "idle|";

  /**
   * How often markers go out and idleness is judged (wall clock): often enough that a task waits
   * little for the others, live or catching up, and alerts stay prompt.
   */
  private static final Duration TICK = Duration.ofMillis(100);

  /**
   * While catching up, a marker also goes out each time the partition's event time has moved this
   * far, so that the other tasks need not hold much of their own input waiting for it.
   */
  private static final long MARKER_EVERY_EVENT_MS = 30_000;

  private final PlacementSpec spec;
  private final BiFunction<String, V, V> validate;
  private ProcessorContext<String, V> context;
  private KeyValueStore<String, V> queue;
  private KeyValueStore<String, Long> sources;
  private SourceMerge<Waiting<V>> merge;
  private int own;
  private long ownTime = SourceMerge.NONE;
  private long sentTime = SourceMerge.NONE;
  private boolean ownIdle;
  private long wallAtLastRecord;
  private PlacementProgress.Of progress;
  private final String[] promiseKeys;

  ServicePlacement(PlacementSpec spec, BiFunction<String, V, V> validate) {
    this.spec = spec;
    this.validate = validate;
    this.promiseKeys = new String[spec.stage().sourcePartitions()];
  }

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
    this.own = context.taskId().partition();
    this.queue = context.getStateStore(spec.stage().queueStore());
    this.sources = context.getStateStore(spec.stage().sourcesStore());
    this.merge = new SourceMerge<>(spec.stage().sourcePartitions());
    this.progress = spec.stage().progress().start(spec.inputTopic(), spec.byServiceTopic(), own);
    // a task revived after a dirty close keeps this object: nothing held in memory may survive it
    this.ownIdle = false;
    this.sentTime = SourceMerge.NONE;
    restore();
    progress.unheard = spec.stage().servicePartitions() > 1 ? merge.unheard() : 0;
    noteProgress();
    this.wallAtLastRecord = context.currentSystemTimeMs();
    if (spec.stage().servicePartitions() > 1) {
      context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }
  }

  /** The queues first, then what each source promised and which are idle, as they were stored. */
  private void restore() {
    Long stored = sources.get(OWN);
    ownTime = stored == null ? SourceMerge.NONE : stored;
    try (KeyValueIterator<String, V> all = queue.all()) {
      all.forEachRemaining(entry -> merge.add(held(entry.key, entry.value)));
    }
    try (KeyValueIterator<String, Long> all = sources.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.key.startsWith(PROMISE)) {
              merge.promise(Integer.parseInt(entry.key.substring(PROMISE.length())), entry.value);
            }
          });
    }
    try (KeyValueIterator<String, Long> all = sources.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.key.startsWith(IDLE_SOURCE)) {
              merge.idle(Integer.parseInt(entry.key.substring(IDLE_SOURCE.length())));
            }
          });
    }
  }

  @Override
  public void process(Record<String, V> record) {
    RecordMetadata from = context.recordMetadata().orElseThrow();
    if (from.topic().equals(spec.byServiceTopic())) {
      progress.processedByService = from.offset();
      fromOtherPartition(record);
    } else {
      progress.processedInput = from.offset();
      fromInput(record, from.offset());
    }
    release();
  }

  private void fromInput(Record<String, V> record, long offset) {
    // a record no window may count is refused here, with its own context, before anything holds it
    V value = validate.apply(record.key(), record.value());
    wallAtLastRecord = context.currentSystemTimeMs();
    ownIdle = false;
    ownTime = Math.max(ownTime, record.timestamp());
    sources.put(OWN, ownTime);
    int home = homeOf(record.key());
    if (home == own) {
      hold(own, offset, ownTime, record.withValue(value));
    } else {
      Headers headers = new RecordHeaders();
      headers.add(SOURCE, bytes(own));
      headers.add(OFFSET, bytes(offset));
      headers.add(ORDER, bytes(ownTime));
      context.forward(record.withValue(value).withHeaders(headers), spec.byServiceSink());
    }
    if (spec.stage().servicePartitions() > 1
        && (sentTime == SourceMerge.NONE || ownTime - sentTime >= MARKER_EVERY_EVENT_MS)) {
      sendMarker(ORDER, ownTime);
    }
  }

  private void fromOtherPartition(Record<String, V> record) {
    Headers headers = record.headers();
    int source = (int) number(headers, SOURCE);
    if (source == own && source < spec.stage().sourcePartitions()) {
      return; // our own marker, multicast to every partition: we know our own progress first-hand
    }
    if (headers.lastHeader(OFFSET) != null) {
      Record<String, V> plain = record.withHeaders(new RecordHeaders());
      hold(source, number(headers, OFFSET), number(headers, ORDER), plain);
    } else if (headers.lastHeader(IDLE) != null) {
      merge.idle(source);
      sources.put(IDLE_SOURCE + source, 1L);
    } else {
      promise(source, number(headers, ORDER));
    }
  }

  private void hold(int source, long offset, long orderTime, Record<String, V> record) {
    wakeUp(source);
    String storeKey = queueKey(source, offset, orderTime, record);
    merge.add(new Held<>(source, offset, orderTime, new Waiting<>(storeKey, record)));
    queue.put(storeKey, record.value());
    sources.put(promiseKey(source), merge.promised(source));
  }

  private void promise(int source, long orderTime) {
    wakeUp(source);
    merge.promise(source, orderTime);
    sources.put(promiseKey(source), merge.promised(source));
  }

  /** Made once per source: written with every held record, and a new string is hashed anew. */
  private String promiseKey(int source) {
    if (source >= promiseKeys.length) {
      return PROMISE + source;
    }
    if (promiseKeys[source] == null) {
      promiseKeys[source] = PROMISE + source;
    }
    return promiseKeys[source];
  }

  /** A source that speaks again is not idle any more. */
  private void wakeUp(int source) {
    if (merge.isIdle(source)) {
      sources.delete(IDLE_SOURCE + source);
    }
  }

  private void release() {
    merge.release(
        held -> {
          queue.delete(held.value().storeKey());
          context.forward(held.value().record(), spec.orderedChild());
        });
    noteProgress();
  }

  /**
   * What detection in this task asks of the placement. Sources not heard from are counted at {@link
   * #init} (only when there are other partitions: with one, every record is in place) and then only
   * until all have spoken — a source heard from stays heard from, a promise is never taken back —
   * so that a record costs no count.
   */
  private void noteProgress() {
    progress.held = merge.held();
    if (progress.unheard > 0) {
      progress.unheard = merge.unheard();
    }
  }

  /** Tells the other tasks how far this partition has come, or that it is idle. */
  private void tick(long wallNow) {
    if (own < spec.stage().sourcePartitions()) {
      // a live partition is soon idle: the others stop waiting for the last records of a burst
      boolean live = ownTime != SourceMerge.NONE && LiveInputs.live(ownTime, wallNow);
      long idleMs = LiveInputs.idleAfter(live, spec.stage().idleAfter().toMillis());
      boolean quiet = wallNow - wallAtLastRecord >= idleMs;
      if (!ownIdle && quiet && spec.stage().progress().inputCaughtUp(spec.inputTopic(), own)) {
        ownIdle = true;
        merge.idle(own);
        sendMarker(IDLE, Math.max(0, ownTime));
      } else if (!ownIdle && ownTime != sentTime && ownTime != SourceMerge.NONE) {
        sendMarker(ORDER, ownTime);
      }
    }
    release();
  }

  private void sendMarker(String kind, long time) {
    Headers headers = new RecordHeaders();
    headers.add(SOURCE, bytes(own));
    headers.add(kind, bytes(time));
    context.forward(new Record<String, V>(null, null, time, headers), spec.byServiceSink());
    sentTime = time;
  }

  private int homeOf(String key) {
    return ServicePartitioner.partitionOf(
        key.getBytes(StandardCharsets.UTF_8), spec.stage().servicePartitions());
  }

  /** Source, offset, order time and timestamp sort by source, then offset; the key comes last. */
  private static String queueKey(
      int source, long offset, long orderTime, Record<String, ?> record) {
    return SortableKeys.padded(source, SOURCE_WIDTH)
        + '|'
        + SortableKeys.padded(offset, OFFSET_WIDTH)
        + '|'
        + SortableKeys.padded(orderTime, SortableKeys.MILLIS_WIDTH)
        + '|'
        + SortableKeys.padded(record.timestamp(), SortableKeys.MILLIS_WIDTH)
        + '|'
        + record.key();
  }

  private Held<Waiting<V>> held(String queueKey, V value) {
    String[] parts = queueKey.split("\\|", 5);
    Record<String, V> record = new Record<>(parts[4], value, Long.parseLong(parts[3]));
    return new Held<>(
        Integer.parseInt(parts[0]),
        Long.parseLong(parts[1]),
        Long.parseLong(parts[2]),
        new Waiting<>(queueKey, record));
  }

  /**
   * A record waiting in the merge, with its key in the queue store: made once when it is held, used
   * again when it is released (building it was 5 % of the stream thread, twice per record).
   */
  private record Waiting<V>(String storeKey, Record<String, V> record) {}

  private static byte[] bytes(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static long number(Headers headers, String name) {
    return Long.parseLong(new String(headers.lastHeader(name).value(), StandardCharsets.US_ASCII));
  }

  /** Where one input's placement reads and writes, and the rest of what it needs. */
  record PlacementSpec(
      String inputTopic,
      String byServiceTopic,
      String byServiceSink,
      String orderedChild,
      InputPlacement.Stage stage) {}
}
