package io.outageradar.streams;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The Kafka Streams settings every topology of the pipeline runs with. */
public final class StreamsProperties {

  /** How long the assignor waits before it checks its new internal topics again. */
  static final long TOPIC_CHECK_BACKOFF_MS = 10L;

  private StreamsProperties() {}

  /**
   * Production defaults: records that cannot be deserialized or processed go to the dead-letter
   * topic (with the exception, topic, partition and offset in {@code __streams.errors.*} headers)
   * and processing goes on; exactly-once when asked for.
   */
  public static Properties of(
      String applicationId,
      String bootstrapServers,
      String deadLetterTopic,
      Path stateDir,
      boolean exactlyOnce) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringDeserializationHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
    // Under exactly-once, what a task writes is visible only when it commits, and an alert waits
    // for two commits: the placement's write to the by-service topic, then detection's page. Kafka
    // Streams' own 100 ms keeps both short (bench, 10,000 keys: alert p50 / p99 0.76 / 2.1 s,
    // against 3.5 / 5.3 s with commits every second, and no less throughput). Under at-least-once
    // nothing output waits for a commit (no stage emits from a cache), and a commit writes what the
    // task holds to the changelogs — the input placement's waiting records among them, which under
    // a backlog are most records — so commit less often; a crash reprocesses at most this much.
    if (!exactlyOnce) {
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10_000);
    }
    // The cached stores (baselines, lifecycles, what follows detection): a key updated many times
    // within a commit interval is written to RocksDB and its changelog once per commit.
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 32L * 1024 * 1024);
    // Short waits: a task that drained one input waits for its next fetch, and a consumer has one
    // fetch in flight per broker, which the broker may hold for fetch.max.wait.ms when it only
    // asked for caught-up partitions; the stream thread also blocks up to poll.ms in each poll.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 20);
    props.put(StreamsConfig.POLL_MS_CONFIG, 10L);
    // Read little ahead of each partition. A consumer hands over what it fetched first in, first
    // out, so a placement's marker on a by-service topic waited behind everything fetched of the
    // inputs before it: with the default 1 MiB per partition, about 30,000 records and 1.4–3 s in
    // the demo, while the other tasks held every record they processed for it (30,000–45,000 each,
    // which every young collection copied). At 64 KiB a marker arrives within about 0.15 s and a
    // task holds 1,000–4,000 (docs/performance.md).
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        64 * 1024);
    // Never hold a task back to wait for its other input: detection keeps a clock per input, so the
    // order in which the two inputs are interleaved does not change what it decides. Waiting also
    // cost a formatted log message per record whenever one input had nothing buffered (JFR: a tenth
    // of the stream thread in the bench).
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    // Kafka Streams creates its changelog and repartition topics at the first start, in the group
    // leader's assignor, and sleeps this long each time it finds one of them not ready yet, which
    // it does one topic at a time: at the default 100 ms the demo's twenty-odd topics took 2 s, and
    // its pipeline read nothing for 1.5-2.4 s after the replay was on the broker. The assignor
    // reads the main consumer's settings, so the main consumer's own retries start at 10 ms too
    // (and back off exponentially to retry.backoff.max.ms, 1 s, as before); the other clients keep
    // their 100 ms.
    props.put(
        StreamsConfig.mainConsumerPrefix(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG),
        TOPIC_CHECK_BACKOFF_MS);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    return props;
  }
}
