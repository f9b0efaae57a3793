package io.outageradar.testkit;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Builders for test records, with named instants around the 2021 outage. */
public final class Probes {
  /** Start of a quiet window before the outage: 4 Oct 2021 15:30:00 UTC. */
  public static final Instant T0 = Instant.parse("2021-10-04T15:30:00Z");

  private Probes() {}

  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  public static ProbeResult probe(
      String service, String region, String agent, ProbeStatus status, Instant observedAt) {
    return ProbeResult.newBuilder()
        .setProbeId(UUID.randomUUID().toString())
        .setService(service)
        .setRegion(region)
        .setAgent(agent)
        .setKind(CheckKind.DNS)
        .setTarget(service + ".example")
        .setStatus(status)
        .setLatencyMs(status == ProbeStatus.OK ? 40 : null)
        .setObservedAt(observedAt)
        .setHttpStatus(null)
        .setCertDaysToExpiry(null)
        .setDetail(null)
        .build();
  }

  /**
   * Three agents' probes in 30 s window {@code n} (from T0 + 30 n s), all failing with SERVFAIL
   * when {@code status} is DOWN, all OK otherwise.
   */
  public static List<ProbeResult> round(String service, String region, int n, HealthStatus status) {
    Instant at = T0.plus(Duration.ofSeconds(30L * n + 5));
    ProbeStatus outcome = status == HealthStatus.DOWN ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK;
    return List.of(
        probe(service, region, region.toLowerCase(Locale.ROOT) + "-1", outcome, at),
        probe(service, region, region.toLowerCase(Locale.ROOT) + "-2", outcome, at.plusSeconds(1)),
        probe(service, region, region.toLowerCase(Locale.ROOT) + "-3", outcome, at.plusSeconds(2)));
  }

  /** All three agents fail a DOWN window, one a DEGRADED window, none a HEALTHY one. */
  private static List<String> agentsFailing(String region, HealthStatus status) {
    String prefix = region.toLowerCase(Locale.ROOT) + "-";
    return switch (status) {
      case DOWN -> List.of(prefix + 1, prefix + 2, prefix + 3);
      case DEGRADED -> List.of(prefix + 1);
      default -> List.of();
    };
  }

  /**
   * A closed 30 s window verdict for the lifecycle tests; window {@code n} starts at T0 + 30 n s.
   */
  public static RegionWindowHealth window(
      String service, String region, int n, HealthStatus status) {
    Instant start = T0.plus(Duration.ofSeconds(30L * n));
    boolean down = status == HealthStatus.DOWN;
    return RegionWindowHealth.newBuilder()
        .setService(service)
        .setRegion(region)
        .setWindowStart(start)
        .setWindowEnd(start.plusSeconds(30))
        .setAgents(3)
        .setFailingAgents(down ? 3 : 0)
        .setFailureRatio(down ? 1.0 : 0.0)
        .setChecks(6)
        .setFailedChecks(down ? 6 : 0)
        .setDominantFailure(down ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK)
        .setLatencyP50Ms(null)
        .setLatencyP95Ms(null)
        .setStatus(status)
        .setAgentsWithFailures(agentsFailing(region, status))
        .build();
  }
}
