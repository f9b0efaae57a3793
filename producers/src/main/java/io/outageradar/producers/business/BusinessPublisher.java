package io.outageradar.producers.business;

import io.outageradar.avro.Business;
import io.outageradar.topics.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts business profiles on the {@code businesses} topic (key business id), each one acknowledged.
 */
public final class BusinessPublisher {
  private BusinessPublisher() {}

  /** Publishes {@code businesses} with the client settings {@code config}; waits for every ack. */
  public static void publish(
      Map<String, Object> config, Topic<String, Business> topic, List<Business> businesses) {
    Map<String, Object> props = new HashMap<>(config);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, Business> producer =
        new KafkaProducer<>(
            props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (Business business : businesses) {
        producer.send(new ProducerRecord<>(topic.name(), business.getId(), business)).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing businesses", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot publish businesses to " + topic.name() + ": " + e.getCause().getMessage(), e);
    }
  }
}
