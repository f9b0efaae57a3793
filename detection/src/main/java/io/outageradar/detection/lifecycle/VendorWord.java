package io.outageradar.detection.lifecycle;

import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import io.outageradar.avro.VendorView;
import io.outageradar.avro.state.ServiceLifecycleState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service's own status pages say, as the lifecycle keeps it: the latest statement per page
 * component and region (region {@code *} covers every region of the service).
 *
 * <p>Why it is evidence and not a verdict: a page is written by people, late and sometimes not at
 * all (on 4 Oct 2021 Facebook's own status page went down with everything else). So a page that
 * admits an outage makes the probes' and reports' evidence confirm at once, but a page alone never
 * opens an outage, and a page still saying "operational" never holds one back; the outage then
 * carries that the vendor has not acknowledged it.
 */
public final class VendorWord {
  private VendorWord() {}

  /** Keeps {@code status} as its component's latest word. */
  static void remember(ServiceLifecycleState state, VendorStatus status) {
    state
        .getVendorSays()
        .put(status.getRegion() + '|' + status.getVendor() + '|' + status.getComponent(), status);
  }

  /** Whether a page says a component covering {@code region} has a partial or major outage. */
  static boolean saysDown(ServiceLifecycleState state, String region) {
    return covering(state, List.of(region)).stream().anyMatch(s -> isDown(s.getState()));
  }

  /** Whether the state admits the service is failing (not slow, not in maintenance). */
  static boolean isDown(VendorState state) {
    return state == VendorState.PARTIAL_OUTAGE || state == VendorState.MAJOR_OUTAGE;
  }

  /**
   * The pages' word on an outage of {@code regions}: the worst state any covering component has;
   * null when no page says anything of them.
   */
  public static VendorView view(ServiceLifecycleState state, Collection<String> regions) {
    VendorStatus worst = null;
    for (VendorStatus status : covering(state, regions)) {
      if (worst == null || rank(status.getState()) > rank(worst.getState())) {
        worst = status;
      }
    }
    if (worst == null) {
      return null;
    }
    return VendorView.newBuilder()
        .setAcknowledged(rank(worst.getState()) > rank(VendorState.OPERATIONAL))
        .setVendor(worst.getVendor())
        .setState(worst.getState())
        .setIncident(worst.getIncident())
        .setUrl(worst.getUrl())
        .setSaidAt(worst.getObservedAt())
        .build();
  }

  /** Statements of components covering any of {@code regions}, in key order (deterministic). */
  private static List<VendorStatus> covering(
      ServiceLifecycleState state, Collection<String> regions) {
    Map<String, VendorStatus> sorted = new TreeMap<>(state.getVendorSays());
    return sorted.values().stream()
        .filter(s -> "*".equals(s.getRegion()) || regions.contains(s.getRegion()))
        .toList();
  }

  /** How much a state admits: unknown, then all is well, up to a major outage. */
  private static int rank(VendorState state) {
    return switch (state) {
      case UNKNOWN -> 0;
      case OPERATIONAL -> 1;
      case UNDER_MAINTENANCE -> 2;
      case DEGRADED_PERFORMANCE -> 3;
      case PARTIAL_OUTAGE -> 4;
      case MAJOR_OUTAGE -> 5;
    };
  }
}
