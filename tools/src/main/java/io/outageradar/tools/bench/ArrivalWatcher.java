package io.outageradar.tools.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their start on a thread of its own and hands each record on with the moment it
 * arrived, so that a benchmark can time what the pipeline wrote (committed records only, as any
 * reader of an exactly-once pipeline sees them).
 */
abstract class ArrivalWatcher implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile boolean closing;

  ArrivalWatcher(String bootstrapServers, List<String> topics, String name) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, name + "-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
    thread = new Thread(this::run, name);
  }

  /** Starts reading; called by a subclass once its own fields are set. */
  final void start() {
    thread.start();
  }

  /** A record read at {@code at}; on the watcher's thread. */
  abstract void arrived(ConsumerRecord<byte[], byte[]> record, Instant at);

  private void run() {
    while (!closing) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        arrived(record, Instant.now());
      }
    }
    consumer.close();
  }

  @Override
  public void close() {
    closing = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
