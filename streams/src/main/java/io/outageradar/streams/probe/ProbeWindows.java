package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.probe.ProbeWindowAggregator;
import io.outageradar.model.ServiceRegion;
import io.outageradar.streams.windows.TumblingWindows;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds probes into tumbling event-time windows per (service, region) and judges each window once,
 * when its owner closes it ({@link ProbeWindowAggregator} holds the rules).
 */
public final class ProbeWindows {
  private final DetectionConfig config;
  private final TumblingWindows<ProbeWindowState> windows;

  public ProbeWindows(KeyValueStore<String, ProbeWindowState> store, DetectionConfig config) {
    this.config = config;
    this.windows = new TumblingWindows<>(store, config.window(), config.grace());
  }

  /**
   * Adds a probe (valid: the placement refused the others with their own record) to its window
   * unless that window was closed at {@code closedAt}; returns whether it counted.
   */
  public boolean add(String key, ProbeResult probe, long time, long closedAt) {
    if (windows.isClosed(time, closedAt)) {
      return false;
    }
    windows.update(
        time,
        key,
        state ->
            ProbeWindowAggregator.add(
                probe, state == null ? ProbeWindowAggregator.empty() : state));
    return true;
  }

  /** Whether no probe window is open. */
  public boolean allClosed() {
    return windows.allClosed();
  }

  /** Judges, oldest first, every window that ends at least the grace before {@code time}. */
  public void closeUpTo(long time, Consumer<RegionWindowHealth> verdicts) {
    windows.closeUpTo(
        time,
        (key, start, end, state) ->
            verdicts.accept(
                ProbeWindowAggregator.judge(
                    ServiceRegion.parse(key),
                    Instant.ofEpochMilli(start),
                    Instant.ofEpochMilli(end),
                    state,
                    config)));
  }
}
