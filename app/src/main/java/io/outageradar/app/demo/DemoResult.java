package io.outageradar.app.demo;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import java.time.Duration;
import java.util.List;

/**
 * What a run saw: the final state of each outage (regional outages merged into a global one are
 * left out: they are part of it), every page in the order it was emitted, the last impact of each
 * region (by region code), and how long it took.
 */
public record DemoResult(
    String scenario, long eventsReplayed, List<OutageEvent> outages, List<Page> pages, List<RegionImpact> regionImpact,
    Duration wallTime, long deadLetters) {}
