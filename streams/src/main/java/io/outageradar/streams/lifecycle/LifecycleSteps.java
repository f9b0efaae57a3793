package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.lifecycle.OutageLifecycle;
import io.outageradar.detection.reports.ReportDetectionConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link OutageLifecycle} per service over the region verdicts that closed together, in
 * event-time order.
 *
 * <p>Why batches: the owner closes every probe window and report minute that ends before a time in
 * one go, and hands all of them over at once. Within a batch verdicts are applied by window end,
 * then service, region and signal, so the order never depends on which signal or region happened to
 * close first; and verdicts of one window end of one service are applied as one step, so that six
 * regions failing in the same window open one outage listing all six, not an outage of one region
 * and five updates. Batches come in window-end order, because a window closes only when the time
 * passes its end plus the grace, and every window ending before that has closed by then.
 */
public final class LifecycleSteps {
  /** One verdict of one region, with what orders it. */
  private record Verdict(
      Instant end, String service, String region, Signal signal, RegionSignal value) {
    static Verdict of(RegionWindowHealth probe) {
      return new Verdict(
          probe.getWindowEnd(),
          probe.getService(),
          probe.getRegion(),
          Signal.PROBES,
          new RegionSignal(probe, null));
    }

    static Verdict of(ReportWindowStats minute) {
      return new Verdict(
          minute.getWindowEnd(),
          minute.getService(),
          minute.getRegion(),
          Signal.REPORTS,
          new RegionSignal(null, minute));
    }
  }

  private static final Comparator<Verdict> EVENT_TIME_ORDER =
      Comparator.comparing(Verdict::end)
          .thenComparing(Verdict::service)
          .thenComparing(Verdict::region)
          .thenComparing(Verdict::signal);

  private final OutageLifecycle lifecycle;
  private final KeyValueStore<String, ServiceLifecycleState> store;
  private final List<Verdict> batch = new ArrayList<>();

  public LifecycleSteps(
      DetectionConfig config,
      ReportDetectionConfig reports,
      KeyValueStore<String, ServiceLifecycleState> store) {
    this.lifecycle = new OutageLifecycle(config, reports);
    this.store = store;
  }

  public void add(RegionWindowHealth probe) {
    batch.add(Verdict.of(probe));
  }

  public void add(ReportWindowStats minute) {
    batch.add(Verdict.of(minute));
  }

  /**
   * Applies the verdicts added since the last call; the outage changes go to {@code changes},
   * oldest first.
   */
  public void apply(Consumer<OutageEvent> changes) {
    if (batch.isEmpty()) {
      return;
    }
    batch.sort(EVENT_TIME_ORDER);
    Map<String, ServiceLifecycleState> states = new LinkedHashMap<>();
    Map<String, OutageEvent> step = new LinkedHashMap<>();
    Verdict stepOf = null;
    for (Verdict verdict : batch) {
      if (stepOf != null
          && !(stepOf.end().equals(verdict.end()) && stepOf.service().equals(verdict.service()))) {
        emit(step, changes);
      }
      stepOf = verdict;
      ServiceLifecycleState state = states.computeIfAbsent(verdict.service(), this::load);
      for (OutageEvent event : lifecycle.apply(state, verdict.value())) {
        step.merge(event.getOutageId(), event, LifecycleSteps::coalesce);
      }
    }
    emit(step, changes);
    states.forEach(store::put);
    batch.clear();
  }

  private ServiceLifecycleState load(String service) {
    ServiceLifecycleState state = store.get(service);
    return state == null ? OutageLifecycle.emptyState() : state;
  }

  /** The later change, but from the state before the earlier one. */
  private static OutageEvent coalesce(OutageEvent earlier, OutageEvent later) {
    return OutageEvent.newBuilder(later).setPreviousState(earlier.getPreviousState()).build();
  }

  private static void emit(Map<String, OutageEvent> step, Consumer<OutageEvent> changes) {
    step.values().forEach(changes);
    step.clear();
  }
}
