package io.outageradar.simulation;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import java.time.Instant;
import java.util.stream.Stream;

/** A deterministic, replayable stream of events with their historical event times. */
public interface Scenario {
  String name();

  /** Event time of the first event. */
  Instant start();

  /** Event time after the last event. */
  Instant end();

  /**
   * The probe results in event-time order (ties in any order), the same for the same seed; none by
   * default.
   */
  default Stream<ProbeResult> probes() {
    return Stream.empty();
  }

  /** The user reports in event-time order, the same for the same seed; none by default. */
  default Stream<UserReport> reports() {
    return Stream.empty();
  }

  /**
   * What the services' own status pages said, as a poller read them, in event-time order; none by
   * default.
   */
  default Stream<VendorStatus> vendorStatements() {
    return Stream.empty();
  }
}
