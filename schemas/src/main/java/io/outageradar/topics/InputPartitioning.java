package io.outageradar.topics;

import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;

/**
 * How a producer of the pipeline's inputs chooses partitions. The pipeline gives the same outcome
 * for each; {@link #SERVICE} saves it moving records between partitions.
 */
public enum InputPartitioning {
  /** Every region of a service in one partition ({@link ServicePartitioner}): the efficient way. */
  SERVICE,
  /**
   * Kafka's default, murmur2 of the whole {@code service|region} key: what kafkajs, Kafka Connect,
   * a REST proxy or a Java producer with no partitioner set do.
   */
  DEFAULT,
  /** One partition after another, whatever the key. */
  ROUND_ROBIN;

  /** Sets this way of partitioning on producer properties. */
  public Properties configure(Properties producerProperties) {
    switch (this) {
      case SERVICE -> ServicePartitioner.configure(producerProperties);
      case DEFAULT -> producerProperties.remove(ProducerConfig.PARTITIONER_CLASS_CONFIG);
      case ROUND_ROBIN ->
          producerProperties.put(
              ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class.getName());
    }
    return producerProperties;
  }

  /** The name on command lines: service, default, round-robin. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value of a {@link #flag()}; an unknown name says which ones there are. */
  public static InputPartitioning ofFlag(String flag) {
    for (InputPartitioning partitioning : values()) {
      if (partitioning.flag().equals(flag)) {
        return partitioning;
      }
    }
    throw new IllegalArgumentException(
        "partitioner must be service, default or round-robin, not " + flag);
  }
}
