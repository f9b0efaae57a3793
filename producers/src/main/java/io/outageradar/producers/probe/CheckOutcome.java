package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;

/** What one check found: its status class, how long it took, and a short detail for failures. */
public record CheckOutcome(ProbeStatus status, Integer latencyMs, Integer httpStatus, String detail) {
  static CheckOutcome ok(long latencyMs, Integer httpStatus) {
    return new CheckOutcome(ProbeStatus.OK, (int) latencyMs, httpStatus, null);
  }

  static CheckOutcome failed(ProbeStatus status, Long latencyMs, Integer httpStatus, String detail) {
    return new CheckOutcome(status, latencyMs == null ? null : latencyMs.intValue(), httpStatus, detail);
  }
}
