package io.outageradar.detection.lifecycle;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.ProbeStatus;
import java.util.EnumMap;
import java.util.Map;

/** Which layer is failing, from the failure classes the probes saw. */
public final class CauseHints {
  private CauseHints() {}

  public static CauseHint of(ProbeStatus status) {
    return switch (status) {
      case DNS_SERVFAIL, DNS_NXDOMAIN -> CauseHint.DNS;
      case CONNECT_REFUSED, CONNECT_TIMEOUT -> CauseHint.NETWORK;
      case TLS_ERROR -> CauseHint.TLS;
      case HTTP_5XX, HTTP_4XX, HTTP_UNEXPECTED -> CauseHint.HTTP;
      case OK, TIMEOUT, UNKNOWN -> CauseHint.UNKNOWN;
    };
  }

  /**
   * The cause with the most failed checks behind it. A generic TIMEOUT names no layer, so it only
   * wins when nothing more specific was seen.
   */
  public static CauseHint fromFailureCounts(Map<String, Integer> failureCounts) {
    Map<CauseHint, Integer> byCause = new EnumMap<>(CauseHint.class);
    failureCounts.forEach(
        (status, count) -> byCause.merge(of(ProbeStatus.valueOf(status)), count, Integer::sum));
    return byCause.entrySet().stream()
        .filter(e -> e.getKey() != CauseHint.UNKNOWN)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(CauseHint.UNKNOWN);
  }
}
