package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.OutageEvent;
import io.outageradar.detection.business.BusinessImpacts;
import io.outageradar.streams.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each outage change → its part in the impact of every business it hurts (key business id | outage
 * id, partitioned by the business id), and an empty part for a business it stopped hurting, so that
 * the business's impact lets it go. Which businesses an outage hurts is kept (the same key).
 */
final class ImpactPartProcessor implements Processor<String, OutageEvent, String, BusinessImpact> {
  private ProcessorContext<String, BusinessImpact> context;
  private KeyValueStore<String, Business> businesses;
  private KeyValueStore<String, Long> hurting;

  @Override
  public void init(ProcessorContext<String, BusinessImpact> context) {
    this.context = context;
    this.businesses = context.getStateStore(StoreNames.BUSINESSES);
    this.hurting = context.getStateStore(StoreNames.BUSINESS_IMPACT_HURTING);
  }

  /** Business id | outage id: the business first, so it decides the partition. */
  static String key(String businessId, OutageEvent outage) {
    return businessId + '|' + outage.getOutageId();
  }

  @Override
  public void process(Record<String, OutageEvent> record) {
    OutageEvent outage = record.value();
    try (KeyValueIterator<String, Business> all = businesses.all()) {
      all.forEachRemaining(
          entry -> {
            BusinessImpact part = BusinessImpacts.part(outage, entry.value);
            String hurt = key(entry.key, outage);
            boolean hurts = !part.getChannels().isEmpty();
            if (hurts) {
              hurting.put(hurt, outage.getUpdatedAt().toEpochMilli());
            } else if (hurting.get(hurt) != null) {
              hurting.delete(hurt);
            } else {
              return;
            }
            context.forward(new Record<>(hurt, part, record.timestamp()));
          });
    }
    forgetDeletedBusinesses(outage, record.timestamp());
  }

  /**
   * A business deleted while this outage hurt it: its part goes (an empty one), so that its impact
   * goes too.
   */
  private void forgetDeletedBusinesses(OutageEvent outage, long timestamp) {
    List<String> gone = new ArrayList<>();
    String suffix = "|" + outage.getOutageId();
    try (KeyValueIterator<String, Long> all = hurting.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.key.endsWith(suffix)) {
              String business = entry.key.substring(0, entry.key.length() - suffix.length());
              if (businesses.get(business) == null) {
                gone.add(business);
              }
            }
          });
    }
    for (String business : gone) {
      hurting.delete(business + suffix);
      BusinessImpact empty =
          BusinessImpact.newBuilder()
              .setBusinessId(business)
              .setChannels(List.of())
              .setLoss(List.of())
              .setAsOf(outage.getUpdatedAt())
              .build();
      context.forward(new Record<>(business + suffix, empty, timestamp));
    }
  }
}
