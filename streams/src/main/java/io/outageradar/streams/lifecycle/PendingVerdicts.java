package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.VendorStatus;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.streams.KeyIndex;
import io.outageradar.streams.SortableKeys;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The one owner of the verdict path: closed verdicts of both signals (and status-page statements)
 * are held in a store until every input has passed their window, then handed to the lifecycle in
 * the store's key order, which is the one order verdicts are ever applied in — window end (a
 * statement's time), then service, region and signal (probes first), as the key spells them.
 *
 * <p>Within one window end, every verdict of a service comes before any of a service whose key
 * sorts after it, whatever the names: names never hold {@code |}, so two services' keys differ
 * inside the service part (or at its end), never in a region. That keeps a service's regions of one
 * window together as one lifecycle step. The held keys are walked on the heap ({@link KeyIndex}),
 * in the store's order.
 */
public final class PendingVerdicts {
  /** The greatest time a key can hold (its width), so "everything" is one range. */
  private static final long END_OF_TIME = 999_999_999_999_999L;

  private final KeyValueStore<String, RegionSignal> store;
  private final KeyIndex held;
  private final LifecycleSteps lifecycle;

  /**
   * End of the earliest held verdict, so that most records need no lookup; unknown after a restart.
   */
  private long earliest = Long.MIN_VALUE;

  public PendingVerdicts(KeyValueStore<String, RegionSignal> store, LifecycleSteps lifecycle) {
    this.store = store;
    this.held = new KeyIndex(store);
    this.lifecycle = lifecycle;
  }

  public void hold(RegionWindowHealth probe) {
    hold(
        probe.getWindowEnd(),
        probe.getService(),
        probe.getRegion(),
        Signal.PROBES,
        new RegionSignal(probe, null, null));
  }

  public void hold(ReportWindowStats minute) {
    hold(
        minute.getWindowEnd(),
        minute.getService(),
        minute.getRegion(),
        Signal.REPORTS,
        new RegionSignal(null, minute, null));
  }

  /**
   * A status page's statement, applied in the same order at the time it was read; several
   * components may speak at one moment, so its key also names page and component.
   */
  public void hold(VendorStatus statement) {
    long at = statement.getObservedAt().toEpochMilli();
    String key =
        key(at, statement.getService(), statement.getRegion(), Signal.VENDOR.code())
            + '|'
            + statement.getVendor()
            + '|'
            + statement.getComponent();
    hold(at, key, new RegionSignal(null, null, statement));
  }

  private void hold(
      Instant end, String service, String region, Signal signal, RegionSignal verdict) {
    hold(end.toEpochMilli(), key(end.toEpochMilli(), service, region, signal.code()), verdict);
  }

  private void hold(long end, String key, RegionSignal verdict) {
    store.put(key, verdict);
    held.added(key);
    earliest = Math.min(earliest, end);
  }

  /**
   * Applies, in key order, every held verdict whose window ended at or before {@code time}; the
   * outage changes go to {@code changes}, oldest first.
   */
  public void releaseUpTo(long time, Consumer<OutageEvent> changes) {
    long upTo = Math.min(time, END_OF_TIME);
    if (earliest > upTo) {
      return;
    }
    for (String key : held.range(key(0, "", "", ' '), key(upTo, "\uffff", "", ' '))) {
      lifecycle.add(store.get(key));
      store.delete(key);
      held.removed(key);
    }
    lifecycle.apply(changes);
    String next = held.firstFrom(key(upTo + 1, "", "", ' '));
    earliest =
        next == null
            ? Long.MAX_VALUE
            : Long.parseLong(next.substring(0, SortableKeys.MILLIS_WIDTH));
  }

  /** Whether no verdict is held back. */
  public boolean isEmpty() {
    return held.isEmpty();
  }

  /**
   * The stored key, and so the order of application. Part of the pending store's format: never
   * changed. Any character in the signal's place: ' ' sorts before both signals, for range bounds.
   */
  static String key(long windowEnd, String service, String region, char signal) {
    return SortableKeys.padded(windowEnd, SortableKeys.MILLIS_WIDTH)
        + '|'
        + service
        + '|'
        + region
        + '|'
        + signal;
  }
}
