package io.outageradar.streams.reports;

import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.state.ReportBaselineState;
import io.outageradar.avro.state.ReportWindowState;
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
 * Scored user reports → per (service, region) minute: reports, distinct reporters, sentiment, and
 * the anomaly verdict against the seasonal baseline. Reports are keyed {@code service|region} by
 * their producers (and kept so by the sentiment topology), so one task sees every reporter of a region.
 */
public final class ReportAnomalyTopology {
  private ReportAnomalyTopology() {}

  public static Topology build(ReportDetectionConfig reports, DetectionConfig detection, Topics topics) {
    Topic<String, ScoredReport> in = topics.scoredReports;
    Topic<String, ReportWindowStats> out = topics.reportHealth;
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.REPORT_WINDOWS), Serdes.String(), topics.stateSerde(ReportWindowState.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.REPORTERS_SEEN), Serdes.String(), Serdes.Long()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.REPORT_BASELINE), Serdes.String(), topics.stateSerde(ReportBaselineState.class)).withCachingEnabled());
    builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde())
            .withTimestampExtractor(new EventTimeExtractor<>(ScoredReport.class, scored -> scored.getReport().getReportedAt()))
            .withName("scored-reports-source"))
        .process(() -> new ReportMinuteProcessor(reports, detection.grace(), detection.idleAdvanceAfter()),
            Named.as("report-minutes"), StoreNames.REPORT_WINDOWS, StoreNames.REPORTERS_SEEN, StoreNames.REPORT_BASELINE)
        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("report-health-sink"));
    return builder.build();
  }
}
