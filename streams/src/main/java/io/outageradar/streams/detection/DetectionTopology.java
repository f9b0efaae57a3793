package io.outageradar.streams.detection;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ReportBaselineState;
import io.outageradar.avro.state.ReportWindowState;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.InputValidation;
import io.outageradar.detection.rules.Rules;
import io.outageradar.detection.sentiment.SentimentScoring;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.streams.EventTimeExtractor;
import io.outageradar.streams.InputLag;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.WriteBehindKeyValueStore;
import io.outageradar.streams.business.BusinessStage;
import io.outageradar.streams.impact.RegionImpactStage;
import io.outageradar.streams.lifecycle.Alerting;
import io.outageradar.streams.placement.InputPlacement;
import io.outageradar.streams.placement.PlacementProgress;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole pipeline as one Kafka Streams application.
 *
 * <pre>
 * probe-results ─────────────────────────────┐
 * user-reports ─► sentiment ─► scored-reports │
 * vendor-status ──────────────────────────────┤
 *                     └───────────────────────┴─► detection ─► region-health, report-health
 *                                                     └──► outages ─► alerts
 * outages (table) ─► by region ─► region-impact, impact.&lt;region&gt;
 * </pre>
 *
 * <p>One task owns every region and both signals of its services and decides everything in event
 * time (see {@link DetectionProcessor}). Inputs whose producers partitioned them by service (see
 * {@code ServicePartitioner}) are in that task already; whatever another client put elsewhere
 * reaches it through the input's by-service topic, and the task merges what it gathers in an order
 * that depends on the records alone ({@link InputPlacement}). Only the region impact, which gathers
 * outages of every service per region, is a second sub-topology.
 */
public final class DetectionTopology {
  /** Everything the topology depends on. */
  public record Settings(
      Rules rules,
      SentimentAnalyzer sentiment,
      Topics topics,
      InputLag inputLag,
      InputPlacement.Partitions partitions,
      Settling settling) {}

  private DetectionTopology() {}

  public static Topology build(Settings settings) {
    Topics topics = settings.topics();
    StreamsBuilder builder = new StreamsBuilder();
    addDetectionStores(builder, topics);

    Topic<String, ProbeResult> probeTopic = topics.probeResults;
    Topic<String, UserReport> reportTopic = topics.userReports;
    InputPlacement.Partitions partitions = settings.partitions();
    PlacementProgress progress = new PlacementProgress(settings.inputLag());
    Duration idleAfter = settings.rules().detection().idleAdvanceAfter();
    KStream<String, ProbeResult> probeResults =
        InputPlacement.addTo(
            builder,
            "probe-results",
            probeTopic,
            topics.probeResultsByService,
            new EventTimeExtractor<>(ProbeResult.class, ProbeResult::getObservedAt),
            InputValidation::probe,
            new InputPlacement.Stage(
                StoreNames.PROBE_PLACEMENT_QUEUE,
                StoreNames.PROBE_PLACEMENT_SOURCES,
                partitions.probeResults(),
                partitions.byService(),
                idleAfter,
                progress));
    KStream<String, SpecificRecord> probes =
        probeResults.mapValues(probe -> (SpecificRecord) probe, Named.as("probe-input"));

    Topic<String, ScoredReport> scoredTopic = topics.scoredReports;
    KStream<String, ScoredReport> scored =
        InputPlacement.addTo(
                builder,
                "user-reports",
                reportTopic,
                topics.userReportsByService,
                new EventTimeExtractor<>(UserReport.class, UserReport::getReportedAt),
                InputValidation::report,
                new InputPlacement.Stage(
                    StoreNames.REPORT_PLACEMENT_QUEUE,
                    StoreNames.REPORT_PLACEMENT_SOURCES,
                    partitions.userReports(),
                    partitions.byService(),
                    idleAfter,
                    progress))
            .mapValues(
                report -> SentimentScoring.score(settings.sentiment(), report),
                Named.as("score-sentiment"));
    scored.to(
        scoredTopic.name(),
        Produced.with(scoredTopic.keySerde(), scoredTopic.valueSerde())
            .withName("scored-reports-sink"));

    Topic<String, VendorStatus> vendorTopic = topics.vendorStatus;
    KStream<String, SpecificRecord> vendors =
        InputPlacement.addTo(
                builder,
                "vendor-status",
                vendorTopic,
                topics.vendorStatusByService,
                new EventTimeExtractor<>(VendorStatus.class, VendorStatus::getObservedAt),
                InputValidation::vendor,
                new InputPlacement.Stage(
                    StoreNames.VENDOR_PLACEMENT_QUEUE,
                    StoreNames.VENDOR_PLACEMENT_SOURCES,
                    partitions.vendorStatus(),
                    partitions.byService(),
                    idleAfter,
                    progress))
            .mapValues(status -> (SpecificRecord) status, Named.as("vendor-input"));

    KStream<String, SpecificRecord> decided =
        probes
            .merge(
                scored.mapValues(report -> (SpecificRecord) report, Named.as("report-input")),
                Named.as("merge-inputs"))
            .merge(vendors, Named.as("merge-vendor-input"))
            .process(
                () ->
                    new DetectionProcessor(
                        settings.rules(),
                        new DetectionProcessor.Inputs(
                            probeTopic.name(),
                            reportTopic.name(),
                            vendorTopic.name(),
                            progress,
                            settings.settling())),
                Named.as("detection"),
                StoreNames.PROBE_WINDOWS,
                StoreNames.REPORT_WINDOWS,
                StoreNames.REPORTERS_SEEN,
                StoreNames.REPORT_BASELINE,
                StoreNames.OUTAGE_LIFECYCLE,
                StoreNames.LIFECYCLE_PENDING,
                StoreNames.DETECTION_CLOCKS);
    Topic<String, RegionWindowHealth> health = topics.regionHealth;
    only(decided, RegionWindowHealth.class, "region-health")
        .to(
            health.name(),
            Produced.with(health.keySerde(), health.valueSerde()).withName("region-health-sink"));
    Topic<String, ReportWindowStats> reportHealth = topics.reportHealth;
    only(decided, ReportWindowStats.class, "report-health")
        .to(
            reportHealth.name(),
            Produced.with(reportHealth.keySerde(), reportHealth.valueSerde())
                .withName("report-health-sink"));
    Topic<String, OutageEvent> outages = topics.outages;
    KStream<String, OutageEvent> changes = only(decided, OutageEvent.class, "outage-changes");
    changes.to(
        outages.name(),
        Produced.with(outages.keySerde(), outages.valueSerde()).withName("outages-sink"));
    Alerting.addTo(builder, changes, probeResults, settings.rules(), topics);
    BusinessStage.addTo(builder, changes, topics);

    // The outages topic read back as a table: the query API lists outages by id from it, and the
    // region impact follows its changes. No cache, so that impact sees every change.
    KStream<String, OutageEvent> outageUpdates =
        builder
            .table(
                outages.name(),
                Consumed.with(outages.keySerde(), outages.valueSerde())
                    .withName("outages-table-source"),
                Materialized.<String, OutageEvent, KeyValueStore<Bytes, byte[]>>as(
                        StoreNames.OUTAGES_TABLE)
                    .withKeySerde(outages.keySerde())
                    .withValueSerde(outages.valueSerde())
                    .withCachingDisabled())
            .toStream(Named.as("outage-updates"));
    RegionImpactStage.addTo(builder, outageUpdates, settings.rules().revenue(), topics);
    return builder.build();
  }

  private static void addDetectionStores(StreamsBuilder builder, Topics topics) {
    // Written on every record (open windows, reporters, input clocks) or put and deleted within a
    // window or two (held verdicts): held on the heap, written once per commit to an in-memory
    // store and its changelog. In RocksDB they were most of its flushes and compactions, which
    // stalled the stream thread's writes under load. They stay small: windows and held verdicts
    // are deleted once closed or applied, reporters once their hour is over. The others change
    // once per closed window and keep the Streams record cache; the lifecycle store is also read
    // by interactive queries, which only the Streams cache allows.
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            StoreNames.PROBE_WINDOWS, Serdes.String(), topics.stateSerde(ProbeWindowState.class)));
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            StoreNames.REPORT_WINDOWS,
            Serdes.String(),
            topics.stateSerde(ReportWindowState.class)));
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            StoreNames.REPORTERS_SEEN, Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            StoreNames.DETECTION_CLOCKS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            StoreNames.LIFECYCLE_PENDING, Serdes.String(), topics.stateSerde(RegionSignal.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.REPORT_BASELINE),
                Serdes.String(),
                topics.stateSerde(ReportBaselineState.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.OUTAGE_LIFECYCLE),
                Serdes.String(),
                topics.stateSerde(ServiceLifecycleState.class))
            .withCachingEnabled());
  }

  private static <T extends SpecificRecord> KStream<String, T> only(
      KStream<String, SpecificRecord> decided, Class<T> type, String name) {
    return decided
        .filter((key, value) -> type.isInstance(value), Named.as(name + "-only"))
        .mapValues(type::cast, Named.as(name + "-typed"));
  }
}
