package io.outageradar.topics;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How everything that writes the pipeline's inputs (probes, intake, social, replay) configures its
 * producer.
 */
public final class InputProducers {
  private InputProducers() {}

  /** Idempotent, acks=all, batched, and partitioned by service as the pipeline needs its inputs. */
  public static Properties properties(String bootstrapServers) {
    return properties(KafkaClients.plain(bootstrapServers));
  }

  /**
   * As {@link #properties(String)}, with what the operator passed through for producers over it.
   */
  public static Properties properties(KafkaClients kafka) {
    return properties(kafka, InputPartitioning.SERVICE);
  }

  /** As above, partitioned as {@code partitioning} says (tests and replays of other clients). */
  public static Properties properties(KafkaClients kafka, InputPartitioning partitioning) {
    Properties props = new Properties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return kafka.properties(KafkaClients.Kind.PRODUCER, partitioning.configure(props));
  }
}
