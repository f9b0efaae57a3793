package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeStatus;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One broken agent (us-nyc-2) fails every check it runs for hours, and another (de-fra-1) flaps
 * between failing and healthy every few rounds; everything else is healthy. No outage exists, so
 * the right answer is no outage and no page.
 */
public final class FlappingAgentScenario extends FleetScenario {
  public static final String NAME = "flapping-agent";
  static final Instant START = Instant.parse("2024-05-06T06:00:00Z");
  static final Instant END = Instant.parse("2024-05-06T10:00:00Z");

  public FlappingAgentScenario(long seed) {
    super(NAME, START, END, seed);
  }

  @Override
  ProbeStatus statusOf(
      String service,
      String region,
      String agent,
      CheckKind kind,
      Instant at,
      SplittableRandom random) {
    if (agent.equals("us-nyc-2")) {
      return ProbeStatus.CONNECT_REFUSED;
    }
    if (agent.equals("de-fra-1") && (at.getEpochSecond() / 90) % 2 == 0) {
      return ProbeStatus.DNS_SERVFAIL;
    }
    return FailureModel.background(random);
  }
}
