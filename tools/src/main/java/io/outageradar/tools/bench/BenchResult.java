package io.outageradar.tools.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One bench run's figures; {@link #json()} is the public `bench --json` contract (fields only ever
 * added).
 */
public record BenchResult(Throughput throughput, Latency latency, Memory memory, Run run) {

  /**
   * Events per second. {@code load}: what the generator managed while the pipeline read; {@code
   * pipeline}: events over the time until the whole pipeline had caught up; {@code peer}: the same
   * for a bare windowed count on the same load.
   */
  public record Throughput(
      double rawProduce,
      double rawConsume,
      double load,
      double pipeline,
      long catchUpMs,
      double peer) {}

  /** Alert latency after the close of the deciding window, and the window wait itself. */
  public record Latency(
      long p50Ms, long p99Ms, long windowWaitP50Ms, int samples, double phaseEventsPerSec) {}

  public record Memory(long heapPeakBytes, long rssPeakBytes, long stateBytes) {}

  /**
   * What ran: the workload ({@code steady}: the load generator over {@code keys}; {@code outage}:
   * the 2021 replay scaled), and how.
   */
  public record Run(
      String workload,
      int keys,
      boolean exactlyOnce,
      int eventBytes,
      long eventsProduced,
      String machine) {}

  public double ratioToRaw() {
    return throughput.rawProduce() <= 0 ? 0 : throughput.pipeline() / throughput.rawProduce();
  }

  public double ratioToPeer() {
    return throughput.peer() <= 0 ? 0 : throughput.pipeline() / throughput.peer();
  }

  public ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("rawProducePerSec", Math.round(throughput.rawProduce()));
    node.put("rawConsumePerSec", Math.round(throughput.rawConsume()));
    node.put("pipelineEventsPerSec", Math.round(throughput.pipeline()));
    node.put("ratioToRaw", rounded(ratioToRaw()));
    node.put("p50LatencyMs", latency.p50Ms());
    node.put("p99LatencyMs", latency.p99Ms());
    node.put("heapPeakMb", memory.heapPeakBytes() / (1024 * 1024));
    node.put("rssPeakMb", memory.rssPeakBytes() < 0 ? -1 : memory.rssPeakBytes() / (1024 * 1024));
    node.put("stateBytes", memory.stateBytes());
    node.put("keys", run.keys());
    node.put("eos", run.exactlyOnce());
    node.put("machine", run.machine());
    node.put("windowWaitP50Ms", latency.windowWaitP50Ms());
    node.put("latencySamples", latency.samples());
    node.put("latencyPhaseEventsPerSec", Math.round(latency.phaseEventsPerSec()));
    node.put("eventBytes", run.eventBytes());
    node.put("eventsProduced", run.eventsProduced());
    node.put("peerEventsPerSec", Math.round(throughput.peer()));
    node.put("ratioToPeer", rounded(ratioToPeer()));
    node.put("loadEventsPerSec", Math.round(throughput.load()));
    node.put("catchUpMs", throughput.catchUpMs());
    node.put("workload", run.workload());
    return node;
  }

  private static double rounded(double ratio) {
    return Math.round(ratio * 1000) / 1000.0;
  }
}
