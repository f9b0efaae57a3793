package io.outageradar.topics;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions records keyed {@code service|region} by their service alone, so that every region of a
 * service lands in one partition, in the order it was produced.
 *
 * <p>Why: the pipeline decides whether regions fail together (one GLOBAL outage) and applies both
 * signals of a region in event-time order, so one task owns every region of a service. Records in
 * the partition of their service are already where that task reads them; any other (Kafka's default
 * partitioner hashes the whole key, as kafkajs, librdkafka, Connect and REST proxies do) the
 * pipeline first moves through a by-service topic. The outcome is the same either way; this
 * partitioner only saves the move. Our own producers use it ({@link #configure}); a key without
 * {@code |} is partitioned whole.
 */
public final class ServicePartitioner implements Partitioner {
  /** Sets this partitioner on producer properties. */
  public static Properties configure(Properties producerProperties) {
    producerProperties.put(
        ProducerConfig.PARTITIONER_CLASS_CONFIG, ServicePartitioner.class.getName());
    return producerProperties;
  }

  /**
   * The partition of {@code service} among {@code partitions}: murmur2 of its UTF-8 bytes, as
   * Kafka's default.
   */
  public static int partitionOf(byte[] keyBytes, int partitions) {
    int end = 0;
    while (end < keyBytes.length && keyBytes[end] != '|') {
      end++;
    }
    byte[] service = end == keyBytes.length ? keyBytes : Arrays.copyOf(keyBytes, end);
    return Utils.toPositive(Utils.murmur2(service)) % partitions;
  }

  @Override
  public int partition(
      String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    int partitions = cluster.partitionsForTopic(topic).size();
    if (keyBytes == null) {
      throw new IllegalArgumentException("records on " + topic + " need a service|region key");
    }
    return partitionOf(keyBytes, partitions);
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
