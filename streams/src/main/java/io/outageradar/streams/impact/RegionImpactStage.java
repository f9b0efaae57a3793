package io.outageradar.streams.impact;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionImpact;
import io.outageradar.avro.state.RegionOutages;
import io.outageradar.detection.impact.ImpactCalculator;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.streams.StoreNames;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Outage changes → the impact on each region they touch: the compacted {@code region-impact} table
 * (key region) for everyone, and one {@code impact.<region>} topic per catalogued region, so a team
 * in Brazil subscribes to Brazil only.
 */
public final class RegionImpactStage {
  private RegionImpactStage() {}

  public static void addTo(
      StreamsBuilder builder,
      KStream<String, OutageEvent> outages,
      RevenueTable revenue,
      Topics topics) {
    Topic<String, RegionImpact> impact = topics.regionImpact;
    Set<String> routed = Set.copyOf(topics.impactRegions());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.REGION_OUTAGES),
            Serdes.String(),
            topics.stateSerde(RegionOutages.class)));
    ImpactCalculator calculator = new ImpactCalculator(revenue);
    KStream<String, RegionImpact> impacts =
        outages
            .flatMap(
                (id, outage) ->
                    outage.getRegions().stream()
                        .map(region -> KeyValue.pair(region, outage))
                        .toList(),
                Named.as("outage-per-region"))
            .repartition(
                Repartitioned.with(Serdes.String(), topics.outages.valueSerde())
                    .withName(StoreNames.OUTAGES_BY_REGION))
            .process(
                () -> new RegionImpactProcessor(calculator),
                Named.as("region-impact"),
                StoreNames.REGION_OUTAGES);
    impacts.to(
        impact.name(),
        Produced.with(impact.keySerde(), impact.valueSerde()).withName("region-impact-sink"));
    impacts
        .filter((region, value) -> routed.contains(region), Named.as("catalogued-regions"))
        .to(
            new ImpactTopicRouter(topics),
            Produced.with(impact.keySerde(), impact.valueSerde())
                .withName("impact-per-region-sink"));
  }
}
