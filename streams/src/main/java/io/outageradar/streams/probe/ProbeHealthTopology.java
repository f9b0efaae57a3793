package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.EventTimeExtractor;
import io.outageradar.streams.StoreNames;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Probe results → the final health of each (service, region) per event-time window, emitted once
 * when the window closes (see {@link ProbeWindowProcessor} for why windows also close on quiet
 * partitions). Probes are keyed {@code service|region} by their producers, so no repartition is
 * needed: one task sees every agent of a region.
 */
public final class ProbeHealthTopology {
  private ProbeHealthTopology() {}

  public static Topology build(DetectionConfig config, Topics topics) {
    Topic<String, ProbeResult> probes = topics.probeResults;
    Topic<String, RegionWindowHealth> health = topics.regionHealth;
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.PROBE_WINDOWS), Serdes.String(), topics.stateSerde(ProbeWindowState.class)).withCachingEnabled());
    builder.stream(probes.name(), Consumed.with(probes.keySerde(), probes.valueSerde())
            .withTimestampExtractor(new EventTimeExtractor<>(ProbeResult.class, ProbeResult::getObservedAt))
            .withName("probe-results-source"))
        .mapValues(ProbeValidation::requireValid, Named.as("validate-probe"))
        .process(() -> new ProbeWindowProcessor(config), Named.as("probe-windows"), StoreNames.PROBE_WINDOWS)
        .to(health.name(), Produced.with(health.keySerde(), health.valueSerde()).withName("region-health-sink"));
    return builder.build();
  }
}
