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
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each outage change against every business's profile ({@link BusinessNotices}); what each business
 * was told of each outage is kept (key outage id | business id), so a change delivered again, or
 * one after the RESOLVE, tells nobody twice.
 */
final class BusinessNoticeProcessor
    implements Processor<String, OutageEvent, String, BusinessNotice> {
  private ProcessorContext<String, BusinessNotice> context;
  private KeyValueStore<String, Business> businesses;
  private KeyValueStore<String, String> told;

  @Override
  public void init(ProcessorContext<String, BusinessNotice> context) {
    this.context = context;
    this.businesses = context.getStateStore(StoreNames.BUSINESSES);
    this.told = context.getStateStore(StoreNames.BUSINESSES_TOLD);
  }

  @Override
  public void process(Record<String, OutageEvent> record) {
    OutageEvent outage = record.value();
    try (KeyValueIterator<String, Business> all = businesses.all()) {
      all.forEachRemaining(entry -> decide(outage, entry.value));
    }
  }

  private void decide(OutageEvent outage, Business business) {
    String key = key(outage.getOutageId(), business.getId());
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
    if (global != null && told.get(key(global, business.getId())) == null) {
      told.put(key(global, business.getId()), Told.TRIGGERED.name());
    }
  }

  private static String key(String outageId, String businessId) {
    return outageId + '|' + businessId;
  }
}
