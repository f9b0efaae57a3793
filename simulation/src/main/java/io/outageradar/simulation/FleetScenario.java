package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A probes-only scenario on the standard fleet of agents: what sets one apart is only which checks
 * fail when ({@link #statusOf}).
 */
abstract class FleetScenario extends NamedScenario {
  private final ProbeRounds rounds;

  FleetScenario(String name, Instant start, Instant end, long seed) {
    super(name, start, end);
    rounds = ProbeRounds.standardFleet(start, end, seed);
  }

  @Override
  public final Stream<ProbeResult> probes() {
    return rounds.probes(this::statusOf);
  }

  /** What one check of {@code agent} in {@code region} on {@code service} answers at {@code at}. */
  abstract ProbeStatus statusOf(
      String service,
      String region,
      String agent,
      CheckKind kind,
      Instant at,
      SplittableRandom random);
}
