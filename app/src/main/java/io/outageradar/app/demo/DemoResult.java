package io.outageradar.app.demo;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import java.time.Duration;
import java.util.List;

/**
 * What a demo run saw: the final state of each outage (regional outages merged into a global one
 * are left out: they are part of it), every page in the order it was emitted, and how long it took.
 */
public record DemoResult(String scenario, long eventsReplayed, List<OutageEvent> outages, List<Page> pages, Duration wallTime) {}
