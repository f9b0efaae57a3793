package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.state.PageState;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.common.utils.Bytes;

/**
 * Region window verdicts of both signals (probe health, report minutes) → outage lifecycle events
 * and pages.
 *
 * <p>Verdicts are re-keyed by service so that one task sees every region of a service: that is what
 * lets it roll many regional failures up into one GLOBAL outage and one page.
 */
public final class OutageLifecycleTopology {
  private OutageLifecycleTopology() {}

  public static Topology build(DetectionConfig config, ReportDetectionConfig reports, AlertConfig alertConfig, Topics topics) {
    Topic<String, RegionWindowHealth> health = topics.regionHealth;
    Topic<String, ReportWindowStats> reportHealth = topics.reportHealth;
    Serde<RegionSignal> signals = topics.stateSerde(RegionSignal.class);
    Topic<String, OutageEvent> outages = topics.outages;
    Topic<String, Page> alerts = topics.alerts;
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.OUTAGE_LIFECYCLE),
        Serdes.String(),
        topics.stateSerde(ServiceLifecycleState.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.LIFECYCLE_PENDING),
        Serdes.String(),
        signals));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.OPEN_PAGES), Serdes.String(), topics.stateSerde(PageState.class)));

    KStream<String, RegionSignal> probeSignals = builder
        .stream(health.name(), Consumed.with(health.keySerde(), health.valueSerde()).withName("region-health-source"))
        .map((key, window) -> KeyValue.pair(window.getService(), new RegionSignal(window, null)), Named.as("probe-signal-by-service"));
    KStream<String, RegionSignal> reportSignals = builder
        .stream(reportHealth.name(), Consumed.with(reportHealth.keySerde(), reportHealth.valueSerde()).withName("report-health-source"))
        .map((key, minute) -> KeyValue.pair(minute.getService(), new RegionSignal(null, minute)), Named.as("report-signal-by-service"));
    KStream<String, OutageEvent> changes = probeSignals
        .merge(reportSignals, Named.as("merge-signals"))
        .repartition(Repartitioned.with(Serdes.String(), signals).withName(StoreNames.SIGNALS_BY_SERVICE))
        .process(() -> new OutageLifecycleProcessor(config, reports), Named.as("outage-lifecycle"),
            StoreNames.OUTAGE_LIFECYCLE, StoreNames.LIFECYCLE_PENDING);

    changes.to(outages.name(), Produced.with(outages.keySerde(), outages.valueSerde()).withName("outages-sink"));
    // The outages topic read back as a table, so the query API can list outages by id.
    builder.table(outages.name(), Consumed.with(outages.keySerde(), outages.valueSerde()).withName("outages-table-source"),
        Materialized.<String, OutageEvent, KeyValueStore<Bytes, byte[]>>as(StoreNames.OUTAGES_TABLE)
            .withKeySerde(outages.keySerde()).withValueSerde(outages.valueSerde()));
    changes.process(() -> new AlertsProcessor(alertConfig), Named.as("pages"), StoreNames.OPEN_PAGES)
        .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));
    return builder.build();
  }
}
