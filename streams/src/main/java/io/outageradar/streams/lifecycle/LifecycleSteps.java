package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.lifecycle.OutageLifecycle;
import io.outageradar.detection.rules.Rules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link OutageLifecycle} per service over the region verdicts that closed together, in the
 * order they are given: {@link PendingVerdicts}' one order (window end, service, region, signal).
 *
 * <p>Why batches: the owner closes every probe window and report minute that ends before a time in
 * one go, and hands all of them over at once; verdicts of one window end of one service are applied
 * as one step, so that six regions failing in the same window open one outage listing all six, not
 * an outage of one region and five updates. Batches come in window-end order, because a window
 * closes only when the time passes its end plus the grace, and every window ending before that has
 * closed by then.
 */
public final class LifecycleSteps {
  private final OutageLifecycle lifecycle;
  private final KeyValueStore<String, ServiceLifecycleState> store;
  private final List<RegionSignal> batch = new ArrayList<>();

  public LifecycleSteps(Rules rules, KeyValueStore<String, ServiceLifecycleState> store) {
    this.lifecycle = new OutageLifecycle(rules.detection(), rules.reports());
    this.store = store;
  }

  /** The next verdict, after every verdict that comes before it. */
  void add(RegionSignal verdict) {
    batch.add(verdict);
  }

  /**
   * Applies the verdicts added since the last call; the outage changes go to {@code changes},
   * oldest first.
   */
  public void apply(Consumer<OutageEvent> changes) {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, ServiceLifecycleState> states = new LinkedHashMap<>();
    Map<String, OutageEvent> step = new LinkedHashMap<>();
    String stepOf = null;
    for (RegionSignal verdict : batch) {
      String service = service(verdict);
      String thisStep = end(verdict) + "|" + service;
      if (stepOf != null && !stepOf.equals(thisStep)) {
        emit(step, changes);
      }
      stepOf = thisStep;
      ServiceLifecycleState state = states.computeIfAbsent(service, this::load);
      for (OutageEvent event : lifecycle.apply(state, verdict)) {
        step.merge(event.getOutageId(), event, LifecycleSteps::coalesce);
      }
    }
    emit(step, changes);
    states.forEach(store::put);
    batch.clear();
  }

  private static String service(RegionSignal verdict) {
    if (verdict.getProbe() != null) {
      return verdict.getProbe().getService();
    }
    return verdict.getReports() != null
        ? verdict.getReports().getService()
        : verdict.getVendor().getService();
  }

  private static Instant end(RegionSignal verdict) {
    if (verdict.getProbe() != null) {
      return verdict.getProbe().getWindowEnd();
    }
    return verdict.getReports() != null
        ? verdict.getReports().getWindowEnd()
        : verdict.getVendor().getObservedAt();
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
