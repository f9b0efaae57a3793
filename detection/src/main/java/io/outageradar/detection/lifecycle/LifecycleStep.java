package io.outageradar.detection.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ServiceLifecycleState;
import java.time.Instant;
import java.util.List;

/**
 * One closed window of one region as the lifecycle applies it: the service's state it changes, the
 * window, the probe verdict when probes judged it, where the evidence of a failure in it begins (an
 * anomalous report streak starts minutes before the minute that completes it), and the outage
 * changes it has caused so far, oldest first.
 */
record LifecycleStep(
    ServiceLifecycleState state,
    String service,
    String region,
    Instant start,
    Instant end,
    RegionWindowHealth probe,
    Instant evidenceStart,
    List<OutageEvent> changes) {}
