package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.state.PageState;
import io.outageradar.detection.impact.OutageLoss;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.lifecycle.CertificateWarnings;
import io.outageradar.detection.rules.Rules;
import io.outageradar.streams.StoreNames;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Outage changes → pages on {@code alerts}, keyed by their dedup key (see {@link AlertsProcessor});
 * and probe results → certificate warnings there too (see {@link CertificateWarningsProcessor}).
 */
public final class Alerting {
  private Alerting() {}

  public static void addTo(
      StreamsBuilder builder,
      KStream<String, OutageEvent> changes,
      KStream<String, ProbeResult> probes,
      Rules rules,
      Topics topics) {
    AlertConfig config = rules.alerts();
    Topic<String, Page> alerts = topics.alerts;
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.OPEN_PAGES),
            Serdes.String(),
            topics.stateSerde(PageState.class)));
    changes
        .process(
            () -> new AlertsProcessor(config, new OutageLoss(rules.revenue())),
            Named.as("pages"),
            StoreNames.OPEN_PAGES)
        .to(
            alerts.name(),
            Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.CERTIFICATE_WARNINGS),
            Serdes.String(),
            Serdes.Long()));
    probes
        .process(
            () -> new CertificateWarningsProcessor(new CertificateWarnings(config.certWarnDays())),
            Named.as("certificate-warnings"),
            StoreNames.CERTIFICATE_WARNINGS)
        .to(
            alerts.name(),
            Produced.with(alerts.keySerde(), alerts.valueSerde())
                .withName("certificate-warnings-sink"));
  }
}
