package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;

/**
 * What one check found: its status class, how long it took, the HTTP status and certificate days to
 * expiry where the check saw them, a short detail for failures, what the target answered (for the
 * target's conditions) and the condition it failed, if one did.
 */
public record CheckOutcome(
    ProbeStatus status,
    Integer latencyMs,
    Integer httpStatus,
    Integer certDaysToExpiry,
    String detail,
    Observation observed,
    String failedCondition) {
  static CheckOutcome ok(long latencyMs, Integer httpStatus, Integer certDaysToExpiry) {
    return ok(latencyMs, httpStatus, certDaysToExpiry, null);
  }

  static CheckOutcome ok(
      long latencyMs, Integer httpStatus, Integer certDaysToExpiry, Observation observed) {
    return new CheckOutcome(
        ProbeStatus.OK, (int) latencyMs, httpStatus, certDaysToExpiry, null, observed, null);
  }

  static CheckOutcome failed(
      ProbeStatus status, Long latencyMs, Integer httpStatus, String detail) {
    return new CheckOutcome(
        status,
        latencyMs == null ? null : latencyMs.intValue(),
        httpStatus,
        null,
        detail,
        null,
        null);
  }

  /** This outcome, failed by a condition of its target. */
  CheckOutcome failing(Condition condition) {
    return new CheckOutcome(
        condition.failureStatus(this),
        latencyMs,
        httpStatus,
        certDaysToExpiry,
        "condition failed: " + condition.text(),
        observed,
        condition.text());
  }
}
