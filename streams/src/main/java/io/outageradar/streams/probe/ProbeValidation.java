package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.model.ServiceRegion;

/** Rejects probes whose key does not match their content; Streams routes the exception to the dead-letter topic. */
final class ProbeValidation {
  private ProbeValidation() {}

  static ProbeResult requireValid(String key, ProbeResult probe) {
    String expected = new ServiceRegion(probe.getService(), probe.getRegion()).key();
    if (!expected.equals(key)) {
      throw new InvalidProbeException("probe " + probe.getProbeId() + " has key " + key + " but is about " + expected);
    }
    if (probe.getAgent().isBlank()) {
      throw new InvalidProbeException("probe " + probe.getProbeId() + " names no agent");
    }
    return probe;
  }

  /** A probe that cannot be attributed to one (service, region, agent). */
  static final class InvalidProbeException extends IllegalArgumentException {
    InvalidProbeException(String message) {
      super(message);
    }
  }
}
