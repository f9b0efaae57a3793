package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.model.ServiceRegion;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StoreNames;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Probe results → the final health of each (service, region) per event-time window.
 *
 * <p>Windows are tumbling and emitted once, when they close (window end + grace), so the lifecycle
 * downstream sees one verdict per window and never a partial one. Probes later than the grace period
 * are dropped by the window store and counted in the dropped-records metric.
 */
public final class ProbeHealthTopology {
  private ProbeHealthTopology() {}

  public static Topology build(DetectionConfig config, Topics topics) {
    Topic<String, ProbeResult> probes = topics.probeResults;
    Topic<String, RegionWindowHealth> health = topics.regionHealth;
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(probes.name(), Consumed.with(probes.keySerde(), probes.valueSerde())
            .withTimestampExtractor(new ProbeTimestampExtractor())
            .withName("probe-results-source"))
        .mapValues(ProbeValidation::requireValid, Named.as("validate-probe"))
        .groupByKey(Grouped.with(StoreNames.PROBES_BY_REGION, probes.keySerde(), probes.valueSerde()))
        .windowedBy(TimeWindows.ofSizeAndGrace(config.window(), config.grace()))
        .aggregate(
            ProbeWindowAggregator::empty,
            (key, probe, state) -> ProbeWindowAggregator.add(probe, state),
            Named.as("aggregate-probe-window"),
            Materialized.<String, ProbeWindowState>as(windowStore(config))
                .withKeySerde(probes.keySerde())
                .withValueSerde(topics.stateSerde(ProbeWindowState.class)))
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
            .withName(StoreNames.PROBE_WINDOWS_FINAL))
        .toStream(Named.as("closed-probe-windows"))
        .map((window, state) -> KeyValue.pair(window.key(), ProbeWindowAggregator.judge(
                ServiceRegion.parse(window.key()), window.window().startTime(), window.window().endTime(), state, config)),
            Named.as("judge-window"))
        .to(health.name(), Produced.with(health.keySerde(), health.valueSerde()).withName("region-health-sink"));
    return builder.build();
  }

  /**
   * In memory, changelogged: a probe window lives only for window + grace, and a RocksDB window
   * store would open a new segment database every minute of event time (a replay of hours opens
   * hundreds). The suppression buffer downstream holds the same windows in memory anyway.
   */
  private static WindowBytesStoreSupplier windowStore(DetectionConfig config) {
    return Stores.inMemoryWindowStore(StoreNames.PROBE_WINDOWS, config.window().plus(config.grace()), config.window(), false);
  }
}
