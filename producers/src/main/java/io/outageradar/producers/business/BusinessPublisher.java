package io.outageradar.producers.business;

import io.outageradar.avro.Business;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts business profiles on the {@code businesses} topic (key business id) or deletes them
 * (tombstones) — and likewise any record keyed by business id, such as its API key — waiting for
 * every acknowledgement.
 */
public final class BusinessPublisher {
  private BusinessPublisher() {}

  /**
   * Publishes {@code businesses}; returns once the broker has every one. All are sent before any
   * answer is awaited (a million profiles in seconds, not one round trip each); the first failure
   * is thrown.
   */
  public static void publish(
      KafkaClients kafka, Topic<String, Business> topic, List<Business> businesses) {
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (KafkaProducer<String, Business> producer = producer(kafka, topic)) {
      for (Business business : businesses) {
        producer.send(
            new ProducerRecord<>(topic.name(), business.getId(), business),
            (metadata, error) -> {
              if (error != null) {
                failed.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException(
          "cannot publish to " + topic.name() + ": " + failed.get().getMessage(), failed.get());
    }
  }

  /** Deletes {@code businessId}: a tombstone, so compaction forgets it too. */
  public static void delete(KafkaClients kafka, Topic<String, Business> topic, String businessId) {
    put(kafka, topic, businessId, null);
  }

  /** Puts {@code value} under {@code businessId}; a null value is a tombstone. */
  public static <V> void put(
      KafkaClients kafka, Topic<String, V> topic, String businessId, V value) {
    try (KafkaProducer<String, V> producer = producer(kafka, topic)) {
      send(producer, new ProducerRecord<>(topic.name(), businessId, value));
    }
  }

  private static <V> KafkaProducer<String, V> producer(KafkaClients kafka, Topic<String, V> topic) {
    Properties own = new Properties();
    own.put(ProducerConfig.ACKS_CONFIG, "all");
    own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(
        kafka.properties(KafkaClients.Kind.PRODUCER, own),
        topic.keySerde().serializer(),
        topic.valueSerde().serializer());
  }

  private static <V> void send(
      KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing to " + record.topic(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot publish to " + record.topic() + ": " + e.getCause().getMessage(), e);
    }
  }
}
