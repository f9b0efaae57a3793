package io.outageradar.tools;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import java.time.Duration;
import java.util.List;

/**
 * What a run of the pipeline saw, live (demo, chaos) or in the backtest: the final state of each
 * outage (regional outages merged into a global one are left out: they are part of it), every page
 * in the order it was emitted, the last impact of each region (by region code), how many probe
 * windows and report minutes were judged (so that "nothing happened" can be told from "nothing was
 * looked at"), how long it took, and what each business was told.
 */
public record Outcome(
    String scenario,
    long eventsReplayed,
    List<OutageEvent> outages,
    List<Page> pages,
    List<RegionImpact> regionImpact,
    Judged judged,
    Duration wallTime,
    long deadLetters,
    List<BusinessOutcome> businesses) {

  /**
   * Verdicts the pipeline wrote: one per closed probe window and one per closed report minute, of
   * every service and region.
   */
  public record Judged(long probeWindows, long reportMinutes) {}
}
