package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeStatus;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One country's connectivity fails: every agent in Brazil fails to connect to every service for 20
 * minutes, while the rest of the world is fine. The right answer is a REGIONAL outage of each
 * service in BR and nothing anywhere else.
 */
public final class RegionalIspScenario extends FleetScenario {
  public static final String NAME = "regional-isp";
  public static final String REGION = "BR";
  static final Instant START = Instant.parse("2024-03-12T09:00:00Z");
  static final Instant FAILURE_START = Instant.parse("2024-03-12T10:00:00Z");
  static final Instant FAILURE_END = Instant.parse("2024-03-12T10:20:00Z");
  static final Instant END = Instant.parse("2024-03-12T11:00:00Z");

  public RegionalIspScenario(long seed) {
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
    boolean cutOff =
        region.equals(REGION) && !at.isBefore(FAILURE_START) && at.isBefore(FAILURE_END);
    if (cutOff) {
      return random.nextBoolean() ? ProbeStatus.CONNECT_TIMEOUT : ProbeStatus.TIMEOUT;
    }
    return FailureModel.background(random);
  }
}
