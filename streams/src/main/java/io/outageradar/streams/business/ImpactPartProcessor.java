package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.OutageEvent;
import io.outageradar.detection.business.BusinessImpacts;
import io.outageradar.streams.StoreNames;
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
            if (hurts || hurting.get(hurt) != null) {
              if (hurts) {
                hurting.put(hurt, outage.getUpdatedAt().toEpochMilli());
              } else {
                hurting.delete(hurt);
              }
              context.forward(new Record<>(key(entry.key, outage), part, record.timestamp()));
            }
          });
    }
  }
}
