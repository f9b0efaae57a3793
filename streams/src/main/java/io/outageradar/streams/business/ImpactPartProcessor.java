package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.OutageEvent;
import io.outageradar.detection.business.BusinessImpacts;
import io.outageradar.streams.StoreNames;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each outage change → its part in the impact of every business it hurts (key business id | outage
 * id, partitioned by the business id), and an empty part for a business it stopped hurting, so that
 * the business's impact lets it go. Which businesses an outage hurts is kept (key outage id |
 * business id), so that only the businesses on the outage's service and those it hurt are read.
 */
final class ImpactPartProcessor implements Processor<String, OutageEvent, String, BusinessImpact> {
  private ProcessorContext<String, BusinessImpact> context;
  private Profiles businesses;
  private KeyValueStore<String, Long> hurting;

  @Override
  public void init(ProcessorContext<String, BusinessImpact> context) {
    this.context = context;
    KeyValueStore<String, Business> profiles = context.getStateStore(StoreNames.BUSINESSES);
    this.businesses = new Profiles(profiles);
    this.hurting = context.getStateStore(StoreNames.BUSINESS_IMPACT_HURTING);
  }

  /** Business id | outage id: the business first, so it decides the partition. */
  static String key(String businessId, OutageEvent outage) {
    return businessId + '|' + outage.getOutageId();
  }

  @Override
  public void process(Record<String, OutageEvent> record) {
    OutageEvent outage = record.value();
    Profiles.Concerned concerned =
        businesses.concerned(
            outage.getService(), ByOutage.businesses(hurting, outage.getOutageId()));
    concerned.present().values().forEach(business -> tell(outage, business, record.timestamp()));
    concerned.deleted().forEach(business -> forget(outage, business, record.timestamp()));
  }

  private void tell(OutageEvent outage, Business business, long timestamp) {
    BusinessImpact part = BusinessImpacts.part(outage, business);
    String hurt = ByOutage.key(outage.getOutageId(), business.getId());
    if (!part.getChannels().isEmpty()) {
      hurting.put(hurt, outage.getUpdatedAt().toEpochMilli());
    } else if (hurting.get(hurt) != null) {
      hurting.delete(hurt);
    } else {
      return;
    }
    context.forward(new Record<>(key(business.getId(), outage), part, timestamp));
  }

  /**
   * A business deleted while this outage hurt it: its part goes (an empty one), so that its impact
   * goes too.
   */
  private void forget(OutageEvent outage, String business, long timestamp) {
    hurting.delete(ByOutage.key(outage.getOutageId(), business));
    BusinessImpact empty =
        BusinessImpact.newBuilder()
            .setBusinessId(business)
            .setChannels(List.of())
            .setLoss(List.of())
            .setAsOf(outage.getUpdatedAt())
            .build();
    context.forward(new Record<>(key(business, outage), empty, timestamp));
  }
}
