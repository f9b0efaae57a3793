package io.outageradar.service.runtime;

import io.outageradar.streams.InputLag;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@link InputLag} from the consumers' own {@code records-lag} metric of each partition (the
 * records on the broker beyond what was fetched): unknown counts as not caught up.
 *
 * <p>Looked up among all of the application's metrics at every question, never kept: after a
 * rebalance a partition's old metric keeps its last value (often 0) while the new consumer position
 * may be far behind, and a kept one would make a partition look caught up — and so idle — when it
 * is not. The callers ask only about inputs that have been quiet for a while.
 */
final class FetchedLag implements InputLag {
  private volatile KafkaStreams streams;

  void watch(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public boolean caughtUp(String topic, int partition) {
    KafkaStreams watched = streams;
    if (watched == null) {
      return false;
    }
    String partitionTag = Integer.toString(partition);
    for (Map.Entry<MetricName, ? extends Metric> metric : watched.metrics().entrySet()) {
      MetricName name = metric.getKey();
      if (name.name().equals("records-lag")
          && topic.equals(name.tags().get("topic"))
          && partitionTag.equals(name.tags().get("partition"))) {
        Object value = metric.getValue().metricValue();
        return value instanceof Number lag && lag.doubleValue() == 0.0;
      }
    }
    return false;
  }
}
