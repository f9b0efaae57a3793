package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.SortableKeys;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.reports.ReportDetectionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link OutageLifecycle} per service, feeding it region verdicts in event-time order.
 *
 * <p>Why the alignment: the verdicts of one service's regions come from different upstream tasks,
 * which progress at different speeds when the pipeline catches up (a replay, a restart after
 * downtime). Applied in arrival order, one region could run hours ahead and open and close a
 * "regional" outage before the others' verdicts arrive, and the global roll-up would never see them
 * together. So verdicts wait in a pending store and are applied only up to the slowest watermark
 * among the service's regions and signals (probe windows and report minutes are produced by
 * different applications, and one may be minutes behind the other while catching up). A region whose watermark has not moved for {@code alignmentSlack} of wall-clock time
 * (cut off, decommissioned) stops holding the others back; a wall-clock punctuator checks for that,
 * because a stalled region by definition sends no record that would trigger the check. For the same
 * reason a service seen for the first time waits one slack before anything is applied: its other
 * regions may not have sent their first verdict yet.
 */
final class OutageLifecycleProcessor implements Processor<String, RegionSignal, String, OutageEvent> {
  private static final Duration STALL_CHECK_INTERVAL = Duration.ofSeconds(1);

  private final OutageLifecycle lifecycle;
  private final long slackMs;
  private ProcessorContext<String, OutageEvent> context;
  private KeyValueStore<String, ServiceLifecycleState> store;
  private KeyValueStore<String, RegionSignal> pending;

  OutageLifecycleProcessor(DetectionConfig config, ReportDetectionConfig reports) {
    this.lifecycle = new OutageLifecycle(config, reports);
    this.slackMs = config.alignmentSlack().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, OutageEvent> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.OUTAGE_LIFECYCLE);
    this.pending = context.getStateStore(StoreNames.LIFECYCLE_PENDING);
    context.schedule(STALL_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::releaseStalled);
  }

  @Override
  public void process(Record<String, RegionSignal> record) {
    SignalWindow window = SignalWindow.of(record.value());
    String service = window.service();
    ServiceLifecycleState state = store.get(service);
    long now = context.currentSystemTimeMs();
    if (state == null) {
      state = OutageLifecycle.emptyState();
      state.setFirstSeenAt(Instant.ofEpochMilli(now));
    }
    pending.put(pendingKey(service, window.end(), window.region() + '|' + window.kind()), record.value());
    // one watermark per region and signal: probe verdicts and report minutes come from different
    // applications, which catch up at different speeds
    String stream = window.region() + '|' + window.kind();
    Instant received = state.getReceivedUntil().get(stream);
    if (received == null || window.end().isAfter(received)) {
      state.getReceivedUntil().put(stream, window.end());
      state.getLastAdvancedAt().put(stream, Instant.ofEpochMilli(now));
    }
    release(service, state);
    store.put(service, state);
  }

  private void releaseStalled(long now) {
    List<KeyValue<String, ServiceLifecycleState>> services = new ArrayList<>();
    try (KeyValueIterator<String, ServiceLifecycleState> all = store.all()) {
      all.forEachRemaining(services::add);
    }
    for (KeyValue<String, ServiceLifecycleState> service : services) {
      if (release(service.key, service.value)) {
        store.put(service.key, service.value);
      }
    }
  }

  /**
   * Applies the pending verdicts up to the aligned watermark; returns whether any was applied.
   * Nothing is applied while the service is new: regions not heard from yet may still appear.
   */
  private boolean release(String service, ServiceLifecycleState state) {
    long now = context.currentSystemTimeMs();
    if (now - state.getFirstSeenAt().toEpochMilli() <= slackMs) {
      return false;
    }
    Instant upTo = alignedWatermark(state, now);
    List<KeyValue<String, RegionSignal>> ready = new ArrayList<>();
    try (KeyValueIterator<String, RegionSignal> range =
        pending.range(pendingKey(service, Instant.EPOCH, ""), pendingKey(service, upTo, "\uffff"))) {
      range.forEachRemaining(ready::add);
    }
    // Verdicts of one window end are applied as one step, so that e.g. six regions failing in the
    // same window open one outage listing all six, not an outage of one region and five updates.
    Map<String, OutageEvent> step = new LinkedHashMap<>();
    Instant stepEnd = null;
    for (KeyValue<String, RegionSignal> entry : ready) {
      Instant end = SignalWindow.of(entry.value).end();
      if (stepEnd != null && !end.equals(stepEnd)) {
        forward(step);
      }
      stepEnd = end;
      for (OutageEvent event : lifecycle.apply(state, entry.value)) {
        step.merge(event.getOutageId(), event, OutageLifecycleProcessor::coalesce);
      }
      pending.delete(entry.key);
    }
    forward(step);
    return !ready.isEmpty();
  }

  /** The later change, but from the state before the earlier one. */
  private static OutageEvent coalesce(OutageEvent earlier, OutageEvent later) {
    return OutageEvent.newBuilder(later).setPreviousState(earlier.getPreviousState()).build();
  }

  private void forward(Map<String, OutageEvent> step) {
    for (OutageEvent event : step.values()) {
      context.forward(new Record<>(event.getOutageId(), event, event.getUpdatedAt().toEpochMilli()));
    }
    step.clear();
  }

  /** The slowest watermark among the regions still advancing; the newest one when all have stalled. */
  private Instant alignedWatermark(ServiceLifecycleState state, long now) {
    Instant slowest = null;
    Instant newest = Instant.EPOCH;
    for (Map.Entry<String, Instant> region : state.getReceivedUntil().entrySet()) {
      Instant watermark = region.getValue();
      newest = watermark.isAfter(newest) ? watermark : newest;
      boolean stalled = now - state.getLastAdvancedAt().get(region.getKey()).toEpochMilli() > slackMs;
      if (!stalled && (slowest == null || watermark.isBefore(slowest))) {
        slowest = watermark;
      }
    }
    return slowest == null ? newest : slowest;
  }

  /** Sorts by service, then window end, then region: a range scan yields a service's verdicts in event-time order. */
  static String pendingKey(String service, Instant windowEnd, String region) {
    return service + '|' + SortableKeys.padded(windowEnd.toEpochMilli(), SortableKeys.MILLIS_WIDTH) + '|' + region;
  }

  /** The window a signal is about, whichever signal it is. */
  record SignalWindow(String service, String region, Instant end, char kind) {
    static SignalWindow of(RegionSignal signal) {
      if (signal.getProbe() != null) {
        return new SignalWindow(signal.getProbe().getService(), signal.getProbe().getRegion(), signal.getProbe().getWindowEnd(), 'p');
      }
      return new SignalWindow(signal.getReports().getService(), signal.getReports().getRegion(), signal.getReports().getWindowEnd(), 'r');
    }
  }
}
