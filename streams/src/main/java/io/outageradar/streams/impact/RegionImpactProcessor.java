package io.outageradar.streams.impact;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.RegionImpact;
import io.outageradar.avro.state.RegionOutages;
import io.outageradar.detection.impact.ImpactCalculator;
import io.outageradar.streams.StoreNames;
import java.time.Instant;
import java.util.HashMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the open outages of each region and emits the region's impact after every change. */
final class RegionImpactProcessor implements Processor<String, OutageEvent, String, RegionImpact> {
  private final ImpactCalculator calculator;
  private ProcessorContext<String, RegionImpact> context;
  private KeyValueStore<String, RegionOutages> store;

  RegionImpactProcessor(ImpactCalculator calculator) {
    this.calculator = calculator;
  }

  @Override
  public void init(ProcessorContext<String, RegionImpact> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.REGION_OUTAGES);
  }

  @Override
  public void process(Record<String, OutageEvent> record) {
    String region = record.key();
    OutageEvent outage = record.value();
    RegionOutages outages = store.get(region);
    if (outages == null) {
      outages = new RegionOutages(new HashMap<>(), null);
    }
    if (outage.getState() == OutageState.RESOLVED) {
      outages.getOpen().remove(outage.getOutageId());
    } else {
      outages.getOpen().put(outage.getOutageId(), outage);
    }
    // Changes of different services reach a region in no particular order (they come from different
    // tasks): the impact's time only moves forward.
    Instant asOf =
        outages.getAsOf() == null || outage.getUpdatedAt().isAfter(outages.getAsOf())
            ? outage.getUpdatedAt()
            : outages.getAsOf();
    outages.setAsOf(asOf);
    store.put(region, outages);
    RegionImpact impact = calculator.impact(region, outages.getOpen().values(), asOf);
    context.forward(new Record<>(region, impact, asOf.toEpochMilli()));
  }
}
