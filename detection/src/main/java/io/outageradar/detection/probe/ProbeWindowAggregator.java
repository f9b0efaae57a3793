package io.outageradar.detection.probe;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.model.ServiceRegion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folds the probes of one (service, region) window into a state, and judges the closed window. */
public final class ProbeWindowAggregator {
  /**
   * Latency samples kept per window: the first 64 successful checks. Enough for a p50 and a rough
   * p95 of a 30 s window, and bounded because the whole state is re-serialised on every probe: at
   * 512 samples that serialisation was most of the probe-health thread's time (JFR, bench at 1,000
   * keys), at 64 it is not.
   */
  static final int MAX_LATENCY_SAMPLES = 64;

  private ProbeWindowAggregator() {}

  public static ProbeWindowState empty() {
    return new ProbeWindowState(
        new HashMap<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>(), null);
  }

  public static ProbeWindowState add(ProbeResult probe, ProbeWindowState state) {
    String agent = probe.getAgent();
    state.getAgentChecks().merge(agent, 1, Integer::sum);
    Integer certDays = probe.getCertDaysToExpiry();
    if (certDays != null
        && (state.getCertDaysToExpiryMin() == null || certDays < state.getCertDaysToExpiryMin())) {
      state.setCertDaysToExpiryMin(certDays);
    }
    if (probe.getStatus() == ProbeStatus.OK) {
      if (probe.getLatencyMs() != null && state.getLatenciesMs().size() < MAX_LATENCY_SAMPLES) {
        state.getLatenciesMs().add(probe.getLatencyMs());
      }
    } else {
      state.getAgentFailures().merge(agent, 1, Integer::sum);
      state.getFailureCounts().merge(probe.getStatus().name(), 1, Integer::sum);
    }
    return state;
  }

  /**
   * The verdict on a closed window. An agent fails when most of its checks failed; the region is
   * DOWN only when at least {@code minAgents} distinct agents fail and they are at least {@code
   * downRatio} of the agents that reported.
   */
  public static RegionWindowHealth judge(
      ServiceRegion key,
      Instant start,
      Instant end,
      ProbeWindowState state,
      DetectionConfig config) {
    int agents = state.getAgentChecks().size();
    int failingAgents = 0;
    int checks = 0;
    int failedChecks = 0;
    List<String> agentsWithFailures = new ArrayList<>();
    for (Map.Entry<String, Integer> agent : state.getAgentChecks().entrySet()) {
      int failures = state.getAgentFailures().getOrDefault(agent.getKey(), 0);
      checks += agent.getValue();
      failedChecks += failures;
      if (failures > 0) {
        agentsWithFailures.add(agent.getKey());
      }
      if (failures * 2 > agent.getValue()) {
        failingAgents++;
      }
    }
    double ratio = agents == 0 ? 0.0 : (double) failingAgents / agents;
    HealthStatus status;
    if (failingAgents >= config.minAgents() && ratio >= config.downRatio()) {
      status = HealthStatus.DOWN;
    } else if (failingAgents > 0) {
      status = HealthStatus.DEGRADED;
    } else {
      status = HealthStatus.HEALTHY;
    }
    List<Integer> latencies = new ArrayList<>(state.getLatenciesMs());
    Collections.sort(latencies);
    return RegionWindowHealth.newBuilder()
        .setService(key.service())
        .setRegion(key.region())
        .setWindowStart(start)
        .setWindowEnd(end)
        .setAgents(agents)
        .setFailingAgents(failingAgents)
        .setFailureRatio(ratio)
        .setChecks(checks)
        .setFailedChecks(failedChecks)
        .setDominantFailure(dominantFailure(state.getFailureCounts()))
        .setLatencyP50Ms(percentile(latencies, 50))
        .setLatencyP95Ms(percentile(latencies, 95))
        .setStatus(status)
        .setAgentsWithFailures(agentsWithFailures.stream().sorted().toList())
        .setCertDaysToExpiryMin(state.getCertDaysToExpiryMin())
        .build();
  }

  static ProbeStatus dominantFailure(Map<String, Integer> failureCounts) {
    return failureCounts.entrySet().stream()
        // ties go to the alphabetically first status so the verdict never depends on map order
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Collections.reverseOrder())))
        .map(e -> ProbeStatus.valueOf(e.getKey()))
        .orElse(ProbeStatus.OK);
  }

  /** Nearest-rank percentile of sorted values, or null when there are none. */
  static Integer percentile(List<Integer> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
