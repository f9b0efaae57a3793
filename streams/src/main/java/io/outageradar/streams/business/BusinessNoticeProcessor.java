package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.OutageEvent;
import io.outageradar.detection.business.BusinessNotices;
import io.outageradar.detection.business.BusinessNotices.Decision;
import io.outageradar.detection.business.BusinessNotices.Told;
import io.outageradar.streams.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each outage change against the profile of every business it may concern ({@link
 * BusinessNotices}): those with a channel on its service, and those already told of it (a profile
 * may have left the service since). What each business was told of each outage is kept (key outage
 * id | business id), so a change delivered again, or one after the RESOLVE, tells nobody twice.
 */
final class BusinessNoticeProcessor
    implements Processor<String, OutageEvent, String, BusinessNotice> {
  private ProcessorContext<String, BusinessNotice> context;
  private Profiles businesses;
  private KeyValueStore<String, String> told;

  @Override
  public void init(ProcessorContext<String, BusinessNotice> context) {
    this.context = context;
    KeyValueStore<String, Business> profiles = context.getStateStore(StoreNames.BUSINESSES);
    this.businesses = new Profiles(profiles);
    this.told = context.getStateStore(StoreNames.BUSINESSES_TOLD);
  }

  @Override
  public void process(Record<String, OutageEvent> record) {
    OutageEvent outage = record.value();
    businesses
        .concerned(outage.getService(), ByOutage.businesses(told, outage.getOutageId()))
        .present()
        .values()
        .forEach(business -> decide(outage, business));
  }

  private void decide(OutageEvent outage, Business business) {
    String key = ByOutage.key(outage.getOutageId(), business.getId());
    String stored = told.get(key);
    Told before = stored == null ? null : Told.valueOf(stored);
    Decision decision = BusinessNotices.decide(outage, business, before);
    if (decision.told() != before) {
      told.put(key, decision.told().name());
    }
    decision
        .notice()
        .ifPresent(
            notice ->
                context.forward(
                    new Record<>(business.getId(), notice, notice.getAt().toEpochMilli())));
    String global = BusinessNotices.handsOnTo(outage, before);
    if (global != null && told.get(ByOutage.key(global, business.getId())) == null) {
      told.put(ByOutage.key(global, business.getId()), Told.TRIGGERED.name());
    }
  }
}
