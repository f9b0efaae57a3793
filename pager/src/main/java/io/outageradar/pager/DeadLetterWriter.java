package io.outageradar.pager;

import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes what a delivery could not deliver to its dead-letter topic (idempotent, every replica
 * acknowledging) and waits for the broker: the offset of what failed must not be committed before
 * its dead letter is stored. Shared by the pager and the business notifier.
 *
 * @param <V> the dead letter's type
 */
public final class DeadLetterWriter<V> implements AutoCloseable {
  private final Topic<String, V> topic;
  private final KafkaProducer<String, V> producer;

  public DeadLetterWriter(KafkaClients kafka, Topic<String, V> topic) {
    this.topic = topic;
    Properties own = new Properties();
    own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    own.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer =
        new KafkaProducer<>(
            kafka.properties(KafkaClients.Kind.PRODUCER, own),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
  }

  /**
   * Stores {@code letter} under {@code dedupKey}; throws, naming {@code what} failed, when the
   * broker does not take it within 30 s.
   */
  public void store(String dedupKey, V letter, String what) throws InterruptedException {
    try {
      producer.send(new ProducerRecord<>(topic.name(), dedupKey, letter)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot store the dead letter of " + what, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
