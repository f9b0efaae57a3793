package io.outageradar.service.status;

import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link StatusView} from the pipeline's output topics on a thread of its own: every
 * partition, from the beginning of what the topics retain, committed records only (the pipeline
 * writes them exactly once). No consumer group: each instance reads everything, so a rebalance of
 * the pipeline never pauses the page.
 */
public final class StatusFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusFeed.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, Deserializer<? extends SpecificRecord>> readers;
  private final StatusView view;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong unreadable = new AtomicLong();

  private StatusFeed(KafkaClients kafka, Topics topics, StatusView view) {
    this.view = view;
    List<Topic<String, ? extends SpecificRecord>> sources =
        List.of(topics.outages, topics.regionHealth, topics.reportHealth, topics.scoredReports);
    readers =
        sources.stream()
            .collect(
                Collectors.toMap(
                    Topic::name,
                    (Function<
                            Topic<String, ? extends SpecificRecord>,
                            Deserializer<? extends SpecificRecord>>)
                        topic -> topic.valueSerde().deserializer()));
    Properties own = new Properties();
    own.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    own.put(ConsumerConfig.CLIENT_ID_CONFIG, "outage-radar-status-view");
    consumer =
        new KafkaConsumer<>(
            kafka.properties(KafkaClients.Kind.CONSUMER, own),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    thread = new Thread(this::run, "outage-radar-status-feed");
    thread.setDaemon(true);
  }

  /** Starts reading every partition of the output topics into {@code view}. */
  public static StatusFeed start(KafkaClients kafka, Topics topics, StatusView view) {
    StatusFeed feed = new StatusFeed(kafka, topics, view);
    feed.thread.start();
    return feed;
  }

  /** Records the view could not read (wrong schema or corrupt), skipped. */
  public long unreadable() {
    return unreadable.get();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : readers.keySet()) {
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofMinutes(1))) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running.get()) {
        List<SpecificRecord> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          SpecificRecord value = read(record);
          if (value != null) {
            batch.add(value);
          }
        }
        view.acceptAll(batch);
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the status page's feed stopped; the page no longer updates", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  /** The record's value, or null for a tombstone or what cannot be read. */
  private SpecificRecord read(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    try {
      return readers.get(record.topic()).deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      // the pipeline dead-letters what it cannot read; the page only skips it
      if (unreadable.incrementAndGet() == 1) {
        LOG.warn("status page skips unreadable records of {}: {}", record.topic(), e.getMessage());
      }
      return null;
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
