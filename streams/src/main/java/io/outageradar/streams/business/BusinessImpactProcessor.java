package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.detection.business.BusinessImpacts;
import io.outageradar.streams.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A business's parts, one per outage hurting it (key business id | outage id; an empty part lets
 * its outage go) → its impact, all its outages together (key business id), on every change; a
 * tombstone once a deleted business has no part left.
 */
final class BusinessImpactProcessor
    implements Processor<String, BusinessImpact, String, BusinessImpact> {
  private static final StringSerializer KEYS = new StringSerializer();

  private ProcessorContext<String, BusinessImpact> context;
  private KeyValueStore<String, BusinessImpact> parts;
  private KeyValueStore<String, Business> businesses;

  @Override
  public void init(ProcessorContext<String, BusinessImpact> context) {
    this.context = context;
    this.parts = context.getStateStore(StoreNames.BUSINESS_IMPACT_PARTS);
    this.businesses = context.getStateStore(StoreNames.BUSINESSES);
  }

  @Override
  public void process(Record<String, BusinessImpact> record) {
    BusinessImpact part = record.value();
    if (part.getChannels().isEmpty()) {
      parts.delete(record.key());
    } else {
      parts.put(record.key(), part);
    }
    String business = part.getBusinessId();
    List<BusinessImpact> open = new ArrayList<>();
    try (KeyValueIterator<String, BusinessImpact> all = parts.prefixScan(business + '|', KEYS)) {
      all.forEachRemaining(entry -> open.add(entry.value));
    }
    if (open.isEmpty() && businesses.get(business) == null) {
      // a deleted business: everything derived from it goes (a tombstone)
      context.forward(new Record<String, BusinessImpact>(business, null, record.timestamp()));
      return;
    }
    BusinessImpact impact = BusinessImpacts.combined(business, open);
    if (impact.getAsOf().isBefore(part.getAsOf())) {
      impact.setAsOf(part.getAsOf()); // the change that closed the last part is news too
    }
    context.forward(new Record<>(business, impact, record.timestamp()));
  }
}
