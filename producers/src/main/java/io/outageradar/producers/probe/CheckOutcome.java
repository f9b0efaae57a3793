package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;

/**
 * What one check found: its status class, how long it took, the HTTP status and certificate days to
 * expiry where the check saw them, and a short detail for failures.
 */
public record CheckOutcome(
    ProbeStatus status,
    Integer latencyMs,
    Integer httpStatus,
    Integer certDaysToExpiry,
    String detail) {
  static CheckOutcome ok(long latencyMs, Integer httpStatus, Integer certDaysToExpiry) {
    return new CheckOutcome(ProbeStatus.OK, (int) latencyMs, httpStatus, certDaysToExpiry, null);
  }

  static CheckOutcome failed(
      ProbeStatus status, Long latencyMs, Integer httpStatus, String detail) {
    return new CheckOutcome(
        status, latencyMs == null ? null : latencyMs.intValue(), httpStatus, null, detail);
  }
}
