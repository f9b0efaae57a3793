package io.outageradar.testkit;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import java.time.Instant;
import java.util.List;

/** Outage events as the lifecycle emits them, for tests of what follows it (impact, pages). */
public final class Outages {
  /** Onset of every outage made here: the 4 Oct 2021 outage, rounded to its window. */
  public static final Instant ONSET = Instant.parse("2021-10-04T15:40:00Z");

  private Outages() {}

  /**
   * A confirmed and notified outage of {@code service}, one minute after its onset, with a DNS
   * cause.
   */
  public static OutageEvent outage(
      String service, OutageScope scope, List<String> regions, double peakFailureRatio) {
    return OutageEvent.newBuilder()
        .setOutageId(service + "-global-20211004T154000Z")
        .setService(service)
        .setScope(scope)
        .setRegions(regions)
        .setState(OutageState.CONFIRMED)
        .setPreviousState(OutageState.UNKNOWN)
        .setOnset(ONSET)
        .setConfirmedAt(ONSET.plusSeconds(60))
        .setResolvedAt(null)
        .setCause(CauseHint.DNS)
        .setPeakFailureRatio(peakFailureRatio)
        .setMergedInto(null)
        .setNotifiedAt(ONSET.plusSeconds(60))
        .setUpdatedAt(ONSET.plusSeconds(60))
        .build();
  }
}
