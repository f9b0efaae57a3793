package io.outageradar.producers.intake;

import io.outageradar.avro.UserReport;
import io.outageradar.model.ServiceRegion;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes reports to the user-reports topic (idempotent, acks=all) and completes on acknowledgement.
 */
public final class KafkaReportStore
    implements Function<UserReport, CompletableFuture<?>>, AutoCloseable {
  private final Topic<String, UserReport> topic;
  private final KafkaProducer<String, UserReport> producer;

  public KafkaReportStore(
      KafkaClients kafka, Topic<String, UserReport> topic, Duration sendTimeout) {
    this.topic = topic;
    Properties props = InputProducers.properties(kafka);
    // Give up within the API's own timeout, so an unreachable Kafka becomes a 503, not a hung
    // request.
    long timeout = Math.max(1000, sendTimeout.toMillis());
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (timeout + 100));
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** The producer, for its metrics. */
  public Producer<String, UserReport> producer() {
    return producer;
  }

  @Override
  public CompletableFuture<?> apply(UserReport report) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(
              topic.name(),
              null,
              report.getReportedAt().toEpochMilli(),
              new ServiceRegion(report.getService(), report.getRegion()).key(),
              report),
          (metadata, error) -> {
            if (error == null) {
              acknowledged.complete(null);
            } else {
              acknowledged.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
