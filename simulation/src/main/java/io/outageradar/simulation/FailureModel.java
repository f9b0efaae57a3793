package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeStatus;
import java.time.Instant;
import java.util.SplittableRandom;

/** What one check of a synthetic scenario returns, given who ran it and when. */
@FunctionalInterface
public interface FailureModel {
  ProbeStatus statusOf(
      String service,
      String region,
      String agent,
      CheckKind kind,
      Instant at,
      SplittableRandom random);

  /** Healthy apart from a rare timeout (0.5 % of checks), as on any normal day. */
  static ProbeStatus background(SplittableRandom random) {
    return random.nextInt(200) == 0 ? ProbeStatus.TIMEOUT : ProbeStatus.OK;
  }
}
