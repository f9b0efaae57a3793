package io.outageradar.app.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One bench run's figures; {@link #json()} is the public `bench --json` contract (fields only ever added). */
public record BenchResult(
    double rawProducePerSec,
    double rawConsumePerSec,
    double pipelineEventsPerSec,
    long p50LatencyMs,
    long p99LatencyMs,
    long windowWaitP50Ms,
    int latencySamples,
    double latencyPhaseRate,
    long heapPeakBytes,
    long rssPeakBytes,
    long stateBytes,
    int keys,
    boolean exactlyOnce,
    int eventBytes,
    long eventsProduced,
    String machine) {

  public double ratioToRaw() {
    return rawProducePerSec <= 0 ? 0 : pipelineEventsPerSec / rawProducePerSec;
  }

  public ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("rawProducePerSec", Math.round(rawProducePerSec));
    node.put("rawConsumePerSec", Math.round(rawConsumePerSec));
    node.put("pipelineEventsPerSec", Math.round(pipelineEventsPerSec));
    node.put("ratioToRaw", Math.round(ratioToRaw() * 1000) / 1000.0);
    node.put("p50LatencyMs", p50LatencyMs);
    node.put("p99LatencyMs", p99LatencyMs);
    node.put("heapPeakMb", heapPeakBytes / (1024 * 1024));
    node.put("rssPeakMb", rssPeakBytes < 0 ? -1 : rssPeakBytes / (1024 * 1024));
    node.put("stateBytes", stateBytes);
    node.put("keys", keys);
    node.put("eos", exactlyOnce);
    node.put("machine", machine);
    node.put("windowWaitP50Ms", windowWaitP50Ms);
    node.put("latencySamples", latencySamples);
    node.put("latencyPhaseEventsPerSec", Math.round(latencyPhaseRate));
    node.put("eventBytes", eventBytes);
    node.put("eventsProduced", eventsProduced);
    return node;
  }
}
