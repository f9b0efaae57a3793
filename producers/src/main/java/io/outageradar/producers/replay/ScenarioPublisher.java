package io.outageradar.producers.replay;

import io.outageradar.avro.ProbeResult;
import io.outageradar.model.ServiceRegion;
import io.outageradar.topics.Topic;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a scenario's events with their event times as record timestamps, keyed {@code
 * service|region}, through an idempotent producer with {@code acks=all}.
 */
public final class ScenarioPublisher {
  private ScenarioPublisher() {}

  /** Sends every probe of the scenario and waits until all are acknowledged; returns the count. */
  public static long publish(Scenario scenario, Topic<String, ProbeResult> topic, String bootstrapServers) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long sent = 0;
    try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(
        producerProperties(bootstrapServers), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (ProbeResult probe : (Iterable<ProbeResult>) scenario.probes()::iterator) {
        String key = new ServiceRegion(probe.getService(), probe.getRegion()).key();
        producer.send(new ProducerRecord<>(topic.name(), null, probe.getObservedAt().toEpochMilli(), key, probe),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        sent++;
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("replay of " + scenario.name() + " failed: " + failure.get().getMessage(), failure.get());
    }
    return sent;
  }

  public static Properties producerProperties(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return props;
  }
}
