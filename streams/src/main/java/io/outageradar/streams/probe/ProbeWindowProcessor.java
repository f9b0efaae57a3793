package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.model.ServiceRegion;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tumbling event-time windows of probes per (service, region), each judged exactly once when it
 * closes (window end + grace ≤ stream time).
 *
 * <p>Why not the DSL's windowed aggregation with {@code suppress}: there, time moves only when a
 * record arrives on the same partition. When a whole region is cut off its probes stop, its
 * partition goes quiet, and its last windows — the failing ones — would never close, so the outage
 * would never confirm. Here a wall-clock punctuator notices a partition that has been idle for
 * {@code idleAdvanceAfter} and moves its stream time on by the wall-clock time that passed, which
 * closes the windows. Probes that arrive after their window closed are dropped and counted in the
 * {@code late-probes-dropped} metric.
 *
 * <p>Open windows live in a key-value store keyed {@code <zero-padded window start>|service|region},
 * so closing everything up to a time is one range scan in time order.
 */
final class ProbeWindowProcessor implements Processor<String, ProbeResult, String, RegionWindowHealth> {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeWindowProcessor.class);
  private static final long NO_TIME = Long.MIN_VALUE;

  private final DetectionConfig config;
  private final long sizeMs;
  private final long graceMs;
  private ProcessorContext<String, RegionWindowHealth> context;
  private KeyValueStore<String, ProbeWindowState> windows;
  private Sensor lateDropped;
  private long streamTime = NO_TIME;
  private long wallAtLastAdvance;
  /** Window starts below this are closed; a range scan is only needed when it can move. */
  private long closedBelow = NO_TIME;

  ProbeWindowProcessor(DetectionConfig config) {
    this.config = config;
    this.sizeMs = config.window().toMillis();
    this.graceMs = config.grace().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, RegionWindowHealth> context) {
    this.context = context;
    this.windows = context.getStateStore(StoreNames.PROBE_WINDOWS);
    this.lateDropped = context.metrics().addRateTotalSensor(
        "outage-radar", context.taskId().toString(), "late-probes-dropped", Sensor.RecordingLevel.INFO);
    context.schedule(config.idleAdvanceAfter().dividedBy(2).plusMillis(1), PunctuationType.WALL_CLOCK_TIME,
        this::advanceIfIdle);
  }

  @Override
  public void process(Record<String, ProbeResult> record) {
    long time = record.timestamp();
    long start = time - Math.floorMod(time, sizeMs);
    if (streamTime != NO_TIME && start + sizeMs + graceMs <= streamTime) {
      lateDropped.record();
      LOG.debug("dropping probe {} of {}: its window [{}] closed", record.value().getProbeId(), record.key(), Instant.ofEpochMilli(start));
      return;
    }
    String key = windowKey(start, record.key());
    ProbeWindowState state = windows.get(key);
    windows.put(key, ProbeWindowAggregator.add(record.value(), state == null ? ProbeWindowAggregator.empty() : state));
    if (time > streamTime) {
      streamTime = time;
      wallAtLastAdvance = context.currentSystemTimeMs();
      closeUpTo(streamTime);
    }
  }

  /** A partition that got nothing for a while: let its stream time follow the wall clock. */
  private void advanceIfIdle(long now) {
    if (streamTime == NO_TIME || now - wallAtLastAdvance < config.idleAdvanceAfter().toMillis()) {
      return;
    }
    streamTime += now - wallAtLastAdvance;
    wallAtLastAdvance = now;
    closeUpTo(streamTime);
  }

  /** Judges and forgets every window whose end + grace is at or before {@code time}, oldest first. */
  private void closeUpTo(long time) {
    long lastEnd = time - graceMs; // windows ending at or before this are closed
    long closable = lastEnd - sizeMs - Math.floorMod(lastEnd, sizeMs); // start of the newest closed window
    if (closedBelow != NO_TIME && closable < closedBelow) {
      return; // no window boundary crossed since the last close
    }
    // Windows below the previous bound are closed and deleted already; starting the scan there keeps
    // it from walking over the store's tombstones of every window ever closed.
    long from = closedBelow == NO_TIME ? 0 : closedBelow;
    closedBelow = closable + 1;
    List<KeyValue<String, ProbeWindowState>> closed = new ArrayList<>();
    try (KeyValueIterator<String, ProbeWindowState> range = windows.range(windowKey(from, ""), windowKey(closable, "\uffff"))) {
      range.forEachRemaining(closed::add);
    }
    for (KeyValue<String, ProbeWindowState> window : closed) {
      long start = Long.parseLong(window.key.substring(0, PAD));
      ServiceRegion key = ServiceRegion.parse(window.key.substring(PAD + 1));
      RegionWindowHealth verdict = ProbeWindowAggregator.judge(
          key, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + sizeMs), window.value, config);
      context.forward(new Record<>(key.key(), verdict, start + sizeMs));
      windows.delete(window.key);
    }
  }

  private static final int PAD = 15;

  /** Zero-padded so that the string order of keys is the time order of windows. */
  static String windowKey(long start, String serviceRegion) {
    String digits = Long.toString(Math.max(0, start));
    StringBuilder key = new StringBuilder(PAD + 1 + serviceRegion.length());
    key.append("0".repeat(PAD - digits.length())).append(digits).append('|').append(serviceRegion);
    return key.toString();
  }
}
