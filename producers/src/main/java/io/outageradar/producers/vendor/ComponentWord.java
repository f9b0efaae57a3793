package io.outageradar.producers.vendor;

import io.outageradar.avro.VendorState;
import java.time.Instant;

/**
 * What a status page says of one component: its state, the unresolved incident that names it (if
 * any) and when the page says it last changed.
 */
record ComponentWord(
    String component,
    VendorState state,
    String incident,
    String incidentStatus,
    String url,
    Instant statedAt) {}
