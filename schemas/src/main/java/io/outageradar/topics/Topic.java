package io.outageradar.topics;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the catalog with everything its producers, consumers and creator need.
 *
 * @param retention how long records are kept; {@code null} keeps them forever
 * @param compacted whether the topic keeps the latest record per key ({@code
 *     cleanup.policy=compact})
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Duration retention,
    boolean compacted) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
  }
}
