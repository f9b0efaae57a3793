package io.outageradar.producers.probe;

import io.outageradar.avro.CheckKind;
import java.time.Duration;

/**
 * One thing to check for a service: what kind of check, what it names, its timeout, and the check
 * itself.
 */
public record ProbeTarget(
    String service, CheckKind kind, String target, Duration timeout, Check check) {
  /** Runs the check once within the target's timeout. */
  public CheckOutcome run() {
    return check.run(timeout);
  }
}
