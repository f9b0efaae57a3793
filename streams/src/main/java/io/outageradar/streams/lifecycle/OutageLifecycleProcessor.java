package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.streams.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Runs {@link OutageLifecycle} per service over a store, forwarding outage changes keyed by outage id. */
final class OutageLifecycleProcessor implements Processor<String, RegionWindowHealth, String, OutageEvent> {
  private final OutageLifecycle lifecycle;
  private ProcessorContext<String, OutageEvent> context;
  private KeyValueStore<String, ServiceLifecycleState> store;

  OutageLifecycleProcessor(OutageLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void init(ProcessorContext<String, OutageEvent> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.OUTAGE_LIFECYCLE);
  }

  @Override
  public void process(Record<String, RegionWindowHealth> record) {
    RegionWindowHealth window = record.value();
    ServiceLifecycleState state = store.get(window.getService());
    if (state == null) {
      state = OutageLifecycle.emptyState();
    }
    var events = lifecycle.apply(state, window);
    store.put(window.getService(), state);
    for (OutageEvent event : events) {
      context.forward(new Record<>(event.getOutageId(), event, event.getUpdatedAt().toEpochMilli()));
    }
  }
}
