package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.OutageEvent;
import io.outageradar.streams.StoreNames;
import io.outageradar.topics.ServicePartitioner;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Outage changes → what each business hurt by them is told ({@code business-notices}, key business
 * id), right where the changes are decided: every change of an outage is in the task of its service
 * and in the order it was decided, so the notices follow the outage's own changes and nothing else.
 * And what the open outages cost each business ({@code business-impact}): each outage's part, moved
 * to the task of the business, put together with the parts of its other outages.
 *
 * <p>The profiles are a global store, every task sees every business: a notice is decided when its
 * outage changes, with the profile as it is then — a profile changed during an outage counts from
 * then on. An outage change reads only the businesses on its service and those it already concerns
 * ({@link Profiles}), so its cost does not grow with the businesses on other platforms.
 */
public final class BusinessStage {
  private BusinessStage() {}

  public static void addTo(
      StreamsBuilder builder, KStream<String, OutageEvent> changes, Topics topics) {
    Topic<String, Business> businesses = topics.businesses;
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BUSINESSES),
                businesses.keySerde(),
                businesses.valueSerde())
            .withLoggingDisabled(),
        businesses.name(),
        Consumed.with(businesses.keySerde(), businesses.valueSerde()).withName("business-profiles"),
        () -> new ProfileLoader(StoreNames.BUSINESSES));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.BUSINESSES_TOLD),
            Serdes.String(),
            Serdes.String()));
    Topic<String, BusinessNotice> notices = topics.businessNotices;
    changes
        .process(
            BusinessNoticeProcessor::new, Named.as("business-notices"), StoreNames.BUSINESSES_TOLD)
        .to(
            notices.name(),
            Produced.with(notices.keySerde(), notices.valueSerde())
                .withName("business-notices-sink"));
    addImpact(builder, changes, topics);
  }

  private static void addImpact(
      StreamsBuilder builder, KStream<String, OutageEvent> changes, Topics topics) {
    Topic<String, BusinessImpact> impact = topics.businessImpact;
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.BUSINESS_IMPACT_HURTING),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.BUSINESS_IMPACT_PARTS),
            Serdes.String(),
            impact.valueSerde()));
    changes
        .process(
            ImpactPartProcessor::new,
            Named.as("business-impact-parts"),
            StoreNames.BUSINESS_IMPACT_HURTING)
        .repartition(
            Repartitioned.with(Serdes.String(), impact.valueSerde())
                .withName(StoreNames.BUSINESS_IMPACT_BY_BUSINESS)
                .withStreamPartitioner(
                    (topic, key, value, partitions) ->
                        Optional.of(
                            Set.of(
                                ServicePartitioner.partitionOf(
                                    key.getBytes(StandardCharsets.UTF_8), partitions)))))
        .process(
            BusinessImpactProcessor::new,
            Named.as("business-impact"),
            StoreNames.BUSINESS_IMPACT_PARTS)
        .to(
            impact.name(),
            Produced.with(impact.keySerde(), impact.valueSerde()).withName("business-impact-sink"));
  }

  /**
   * Keeps the global store of profiles and its index ({@link Profiles}): a profile replaces the
   * last, a tombstone deletes it.
   */
  private static final class ProfileLoader implements Processor<String, Business, Void, Void> {
    private final String storeName;
    private Profiles profiles;

    ProfileLoader(String storeName) {
      this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      KeyValueStore<String, Business> store = context.getStateStore(storeName);
      profiles = new Profiles(store);
    }

    @Override
    public void process(Record<String, Business> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        profiles.delete(record.key());
      } else {
        profiles.put(record.value());
      }
    }
  }
}
