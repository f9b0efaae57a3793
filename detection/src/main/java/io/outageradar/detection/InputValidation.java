package io.outageradar.detection;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.model.ServiceRegion;

/**
 * Rejects input records that cannot be attributed to one (service, region): no region, a '|' in a
 * name (the key separator), a key that says something else than the record, and probes with no
 * agent or a negative latency, and status-page statements that name no page or component. Thrown
 * while processing, before any state changes, so Streams' processing handler sends the record to
 * the dead-letter topic and nothing of it is counted.
 */
public final class InputValidation {
  /** An input record no window may count. */
  public static final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
      super(message);
    }
  }

  private InputValidation() {}

  public static ProbeResult probe(String key, ProbeResult probe) {
    String what = "probe " + probe.getProbeId();
    requireKey(what, key, probe.getService(), probe.getRegion());
    if (probe.getAgent().isBlank()) {
      throw new InvalidInputException(what + " names no agent");
    }
    if (probe.getLatencyMs() != null && probe.getLatencyMs() < 0) {
      throw new InvalidInputException(
          what + " has a negative latency (" + probe.getLatencyMs() + " ms)");
    }
    return probe;
  }

  public static UserReport report(String key, UserReport report) {
    requireKey("report " + report.getReportId(), key, report.getService(), report.getRegion());
    return report;
  }

  /**
   * A status-page statement: attributed like the others (its region may be {@code *}, every region
   * of the service), and naming the page and component it comes from.
   */
  public static VendorStatus vendor(String key, VendorStatus status) {
    String what = "vendor status " + status.getStatusId();
    requireKey(what, key, status.getService(), status.getRegion());
    if (status.getVendor().isBlank() || status.getComponent().isBlank()) {
      throw new InvalidInputException(
          what + " names no " + (status.getVendor().isBlank() ? "vendor" : "component"));
    }
    return status;
  }

  private static void requireKey(String what, String key, String service, String region) {
    if (service.isBlank() || region.isBlank()) {
      throw new InvalidInputException(
          what + " names no " + (service.isBlank() ? "service" : "region"));
    }
    String expected;
    try {
      expected = new ServiceRegion(service, region).key();
    } catch (IllegalArgumentException separatorInName) {
      throw new InvalidInputException(what + ": " + separatorInName.getMessage());
    }
    if (!expected.equals(key)) {
      throw new InvalidInputException(what + " has key " + key + " but is about " + expected);
    }
  }
}
