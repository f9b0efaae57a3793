package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.model.ServiceRegion;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.windows.TumblingWindows;
import java.time.Instant;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds probes into tumbling event-time windows per (service, region) and judges each window once
 * it closes — on a quiet partition too (see {@link TumblingWindows}). Probes later than their
 * window's grace are dropped and counted in the {@code late-probes-dropped} metric.
 */
final class ProbeWindowProcessor implements Processor<String, ProbeResult, String, RegionWindowHealth> {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeWindowProcessor.class);

  private final DetectionConfig config;
  private ProcessorContext<String, RegionWindowHealth> context;
  private TumblingWindows<ProbeWindowState> windows;
  private Sensor lateDropped;

  ProbeWindowProcessor(DetectionConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, RegionWindowHealth> context) {
    this.context = context;
    this.windows = new TumblingWindows<>(context.getStateStore(StoreNames.PROBE_WINDOWS), config.window(), config.grace(),
        config.idleAdvanceAfter());
    this.lateDropped = context.metrics().addRateTotalSensor(
        "outage-radar", context.taskId().toString(), "late-probes-dropped", Sensor.RecordingLevel.INFO);
    context.schedule(config.idleAdvanceAfter().dividedBy(2).plusMillis(1), PunctuationType.WALL_CLOCK_TIME,
        now -> windows.advanceIfIdle(now, this::judge));
  }

  @Override
  public void process(Record<String, ProbeResult> record) {
    long time = record.timestamp();
    if (windows.isClosed(time)) {
      lateDropped.record();
      LOG.debug("dropping probe {} of {}: its window closed", record.value().getProbeId(), record.key());
      return;
    }
    ProbeWindowState state = windows.get(time, record.key());
    windows.put(time, record.key(), ProbeWindowAggregator.add(record.value(), state == null ? ProbeWindowAggregator.empty() : state));
    windows.observe(time, context.currentSystemTimeMs(), this::judge);
  }

  private void judge(String key, long start, long end, ProbeWindowState state) {
    RegionWindowHealth verdict = ProbeWindowAggregator.judge(
        ServiceRegion.parse(key), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), state, config);
    context.forward(new Record<>(key, verdict, end));
  }
}
