package io.outageradar.producers.probe;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeStatus;
import java.time.Duration;
import java.util.List;

/**
 * One thing to check for a service: what kind of check, what it names, its timeout, the check
 * itself and the conditions a successful check must also meet.
 */
public record ProbeTarget(
    String service,
    CheckKind kind,
    String target,
    Duration timeout,
    Check check,
    List<Condition> conditions) {
  public ProbeTarget(String service, CheckKind kind, String target, Duration timeout, Check check) {
    this(service, kind, target, timeout, check, List.of());
  }

  /**
   * Runs the check once within the target's timeout; a check that succeeded fails on the first
   * condition it does not meet.
   */
  public CheckOutcome run() {
    CheckOutcome outcome = check.run(timeout);
    if (outcome.status() != ProbeStatus.OK) {
      return outcome;
    }
    for (Condition condition : conditions) {
      if (!condition.holds(outcome)) {
        return outcome.failing(condition);
      }
    }
    return outcome;
  }
}
