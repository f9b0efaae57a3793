package io.outageradar.testkit;

import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import java.time.Instant;

/** Status-page statements for tests: what a vendor's page said of a component at a time. */
public final class Vendors {
  private Vendors() {}

  /** The {@code meta} page's component for {@code service} in {@code region} said {@code state}. */
  public static VendorStatus says(
      String service, String region, VendorState state, Instant observedAt) {
    boolean admits = state != VendorState.OPERATIONAL && state != VendorState.UNKNOWN;
    return VendorStatus.newBuilder()
        .setStatusId("meta|" + service + "|" + region + "|" + observedAt.toEpochMilli())
        .setVendor("meta")
        .setService(service)
        .setRegion(region)
        .setComponent(service + " messaging")
        .setState(state)
        .setIncident(admits ? "Users unable to send messages" : null)
        .setIncidentStatus(admits ? "investigating" : null)
        .setUrl("https://metastatus.example/incidents/1")
        .setObservedAt(observedAt)
        .setStatedAt(observedAt)
        .build();
  }
}
