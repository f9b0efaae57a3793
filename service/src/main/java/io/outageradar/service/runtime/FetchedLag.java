package io.outageradar.service.runtime;

import io.outageradar.streams.InputLag;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@link InputLag} from the consumers' own {@code records-lag} metric of each partition (the
 * records on the broker beyond what was fetched): unknown counts as not caught up.
 */
final class FetchedLag implements InputLag {
  private volatile KafkaStreams streams;

  /**
   * The lag metrics are indexed again after this long: after a rebalance a consumer may have
   * registered new ones, and an old one keeps its last value.
   */
  private static final long REINDEX_AFTER_NANOS = 5_000_000_000L;

  /** Lag metrics by topic|partition, and when they were indexed. */
  private record Index(Map<String, Metric> lags, long atNanos) {}

  private volatile Index index = new Index(Map.of(), 0);

  void watch(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public boolean caughtUp(String topic, int partition) {
    Metric lag = lags().get(topic + '|' + partition);
    return lag != null
        && lag.metricValue() instanceof Number records
        && records.doubleValue() == 0.0;
  }

  /**
   * The lag metric of every partition the consumers fetch, indexed from all of the application's
   * metrics (thousands, and asked about several times a second per task) every few seconds.
   */
  private Map<String, Metric> lags() {
    Index known = index;
    long now = System.nanoTime();
    KafkaStreams watched = streams;
    if (watched == null
        || (!known.lags().isEmpty() && now - known.atNanos() < REINDEX_AFTER_NANOS)) {
      return known.lags();
    }
    Map<String, Metric> lags = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> metric : watched.metrics().entrySet()) {
      MetricName name = metric.getKey();
      if (name.name().equals("records-lag") && name.tags().containsKey("partition")) {
        lags.put(name.tags().get("topic") + '|' + name.tags().get("partition"), metric.getValue());
      }
    }
    index = new Index(lags, now);
    return lags;
  }
}
