package io.outageradar.bench;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.lifecycle.OutageLifecycle;
import io.outageradar.detection.probe.ProbeWindowAggregator;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.model.ServiceRegion;
import io.outageradar.simulation.LoadGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-record work of detection: adding a probe to its window's state, judging a closed window
 * (three agents, two checks each), and the lifecycle state machine taking one region's healthy
 * window verdict for a service seen in twenty regions (the steady state of every service).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectionBenchmark {
  private final DetectionConfig config = DetectionConfig.defaults();
  private List<ProbeResult> probes;
  private ProbeWindowState closedWindow;
  private OutageLifecycle lifecycle;
  private ServiceLifecycleState service;
  private Instant windowStart = Instant.parse("2026-11-25T12:00:00Z");
  private int next;

  @Setup
  public void setUp() {
    probes = new ArrayList<>();
    LoadGenerator load = new LoadGenerator(1, 1, Clock.systemUTC(), List.of());
    while (probes.size() < 6) {
      if (load.next() instanceof ProbeResult probe) {
        probes.add(probe);
      }
    }
    closedWindow = ProbeWindowAggregator.empty();
    for (ProbeResult probe : probes) {
      closedWindow = ProbeWindowAggregator.add(probe, closedWindow);
    }
    lifecycle = new OutageLifecycle(config, ReportDetectionConfig.defaults());
    service = OutageLifecycle.emptyState();
  }

  @Benchmark
  public ProbeWindowState addProbeToWindow() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    return ProbeWindowAggregator.add(probes.get(next++ % probes.size()), state);
  }

  @Benchmark
  public RegionWindowHealth judgeClosedWindow() {
    return ProbeWindowAggregator.judge(
        new ServiceRegion("svc-00000", "US"),
        windowStart,
        windowStart.plusSeconds(30),
        closedWindow,
        config);
  }

  @Benchmark
  public Object lifecycleHealthyWindow() {
    int region = next++ % LoadGenerator.REGIONS.size();
    if (region == 0) {
      windowStart = windowStart.plus(config.window());
    }
    // the window's probes all succeeded: a HEALTHY verdict
    RegionWindowHealth verdict =
        ProbeWindowAggregator.judge(
            new ServiceRegion("svc-00000", LoadGenerator.REGIONS.get(region)),
            windowStart,
            windowStart.plus(config.window()),
            closedWindow,
            config);
    return lifecycle.apply(service, new RegionSignal(verdict, null, null));
  }
}
