package io.outageradar.streams;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * {@link InputLag} as each stream thread's own consumer knows it: a task has processed everything
 * the broker holds of a partition when the consumer has handed over all of it (its lag, from the
 * position of the last poll, is 0) and the task has processed the last record handed over — or that
 * record could not be read and went to the dead letters ({@link #skipped}).
 *
 * <p>Why not the consumer's {@code records-lag} metric: it counts what was fetched, not what was
 * processed. Up to a thousand fetched records wait in a task's buffer while the task's other
 * partitions go first (Streams takes the earliest head record), so a partition whose end was
 * fetched but not processed looked idle, the placement stopped waiting for it, and the outcome
 * depended on timing; and after a restart at the end of a partition the metric may never appear.
 *
 * <p>Kafka Streams shows no task's buffer, so the main consumer of each stream thread is watched
 * ({@link #clientSupplier()}): each poll notes, per partition, the last offset handed over, and a
 * rebalance or a seek forgets what it made stale. A stream thread polls, processes and punctuates
 * on itself, so the thread is the key and the consumer is only ever touched on its own thread.
 */
public final class ConsumedInputs implements InputLag {
  private static final Map<Thread, Watch> BY_THREAD = new ConcurrentHashMap<>();

  /** How many polls in a row must find nothing for a consumer to count as drained. */
  static final int DRAINED_POLLS = 5;

  private ConsumedInputs() {}

  /** The lag of the stream thread that asks. */
  public static InputLag lag() {
    return new ConsumedInputs();
  }

  /** Clients as Kafka Streams makes them, with each main consumer watched. */
  public static WatchingSupplier clientSupplier() {
    return new WatchingSupplier();
  }

  /** A record the task could not read (dead-lettered) counts as processed. */
  static void skipped(ConsumerRecord<?, ?> record) {
    Watch watch = BY_THREAD.get(Thread.currentThread());
    if (watch != null) {
      watch.skipped.merge(
          new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
    }
  }

  @Override
  public boolean caughtUp(String topic, int partition, long lastProcessed) {
    Watch watch = BY_THREAD.get(Thread.currentThread());
    return watch != null && watch.caughtUp(new TopicPartition(topic, partition), lastProcessed);
  }

  /** Watches one consumer: every call goes to it; polls, seeks and rebalances are noted. */
  private static final class Watch implements InvocationHandler {
    private final Consumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> delivered = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> skipped = new ConcurrentHashMap<>();

    /**
     * Since when (nanoTime) every poll returned nothing with every assigned partition read to the
     * end the broker last told; 0 while not. Written by the consumer's thread at each poll.
     */
    private volatile long drainedSince;

    /** Polls since then: a thread stopped (a collection) for a while has not looked meanwhile. */
    private volatile int drainedPolls;

    /** The watches of one supplier, this one among them until its consumer closes. */
    private final List<Watch> registry;

    Watch(Consumer<byte[], byte[]> consumer, List<Watch> registry) {
      this.consumer = consumer;
      this.registry = registry;
    }

    boolean drainedFor(long nanos) {
      long since = drainedSince;
      return since != 0 && drainedPolls >= DRAINED_POLLS && System.nanoTime() - since >= nanos;
    }

    private void noteDrained(ConsumerRecords<?, ?> records) {
      boolean drained = records.isEmpty();
      for (TopicPartition partition : drained ? consumer.assignment() : List.<TopicPartition>of()) {
        OptionalLong lag = consumer.currentLag(partition);
        drained &= lag.isPresent() && lag.getAsLong() == 0;
      }
      if (!drained) {
        drainedSince = 0;
        drainedPolls = 0;
      } else if (drainedSince == 0) {
        drainedSince = System.nanoTime();
        drainedPolls = 1;
      } else {
        drainedPolls++;
      }
    }

    boolean caughtUp(TopicPartition partition, long lastProcessed) {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isEmpty() || lag.getAsLong() > 0) {
        return false;
      }
      Long last = delivered.get(partition);
      return last == null || Math.max(lastProcessed, skipped.getOrDefault(partition, -1L)) >= last;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("subscribe")
          && args != null
          && args.length == 2
          && args[1] instanceof ConsumerRebalanceListener listener) {
        args[1] = new Forgetting(listener);
      }
      if (name.startsWith("seek") && args != null) {
        forget(args[0]);
      }
      Object result;
      try {
        result = method.invoke(consumer, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (name.equals("poll")) {
        BY_THREAD.put(Thread.currentThread(), this);
        noteDelivered((ConsumerRecords<?, ?>) result);
        noteDrained((ConsumerRecords<?, ?>) result);
      } else if (name.equals("close")) {
        BY_THREAD.values().remove(this);
        registry.remove(this);
      }
      return result;
    }

    private void noteDelivered(ConsumerRecords<?, ?> records) {
      for (TopicPartition partition : records.partitions()) {
        List<? extends ConsumerRecord<?, ?>> of = records.records(partition);
        delivered.put(partition, of.get(of.size() - 1).offset());
      }
    }

    /** A seek to a partition, or a collection of them: what was handed over before is void. */
    private void forget(Object partitions) {
      if (partitions instanceof TopicPartition partition) {
        delivered.remove(partition);
        skipped.remove(partition);
      } else if (partitions instanceof Collection<?> all) {
        all.forEach(this::forget);
      }
    }

    /** Forgets a partition's deliveries when it is assigned, revoked or lost. */
    private final class Forgetting implements ConsumerRebalanceListener {
      private final ConsumerRebalanceListener listener;

      Forgetting(ConsumerRebalanceListener listener) {
        this.listener = listener;
      }

      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        forget(partitions);
        listener.onPartitionsRevoked(partitions);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        forget(partitions);
        listener.onPartitionsAssigned(partitions);
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
        listener.onPartitionsLost(partitions);
      }
    }
  }

  /**
   * What Kafka Streams' default supplier makes, the main consumers watched and the producers' sends
   * counted.
   */
  public static final class WatchingSupplier implements KafkaClientSupplier {
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final SendsInFlight sends = new SendsInFlight();

    private WatchingSupplier() {}

    /**
     * Whether, for at least {@code quiet}, every stream thread's consumer polled nothing and had
     * every partition read to its end, and no record was on its way to the broker: for one who
     * waits for the last outputs of a replay that is wholly on the broker (the demo), once the
     * detection tasks have judged everything. {@code quiet} must span several fetches, since a
     * consumer learns of a new record in a partition it has read to the end only from the next
     * fetch. Under exactly-once a record written is not readable before its task commits, which
     * this does not see.
     */
    public boolean quietFor(Duration quiet) {
      long nanos = quiet.toNanos();
      return !watches.isEmpty()
          && watches.stream().allMatch(watch -> watch.drainedFor(nanos))
          && sends.quietFor(nanos);
    }

    /**
     * How many records of {@code topics} the stream threads' consumers have handed to their tasks
     * so far, counted from the start of each partition: how far a replay onto new topics has been
     * read, as it is read (the group's committed offsets trail it by a commit interval).
     */
    public long handedOver(Collection<String> topics) {
      long count = 0;
      for (Watch watch : watches) {
        for (Map.Entry<TopicPartition, Long> last : watch.delivered.entrySet()) {
          count += topics.contains(last.getKey().topic()) ? last.getValue() + 1 : 0;
        }
      }
      return count;
    }

    /** The producers' sends, counted. */
    SendsInFlight sends() {
      return sends;
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
      return sends.counted(
          new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
      return watch(
          new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }

    /** {@code consumer}, watched: for the main consumer of a stream thread. */
    @SuppressWarnings("unchecked")
    Consumer<byte[], byte[]> watch(Consumer<byte[], byte[]> consumer) {
      Watch watch = new Watch(consumer, watches);
      watches.add(watch);
      return (Consumer<byte[], byte[]>)
          Proxy.newProxyInstance(
              Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class}, watch);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
      return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
      return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
      return Admin.create(config);
    }
  }
}
