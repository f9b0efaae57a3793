package io.outageradar.detection.business;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which platforms were down where at a moment of event time, from every change of every outage: an
 * outage counts from its first change until the change that resolved it (or merged it into
 * another), in the regions its latest change by then names.
 */
public final class PlatformTimeline {
  private final List<OutageEvent> changes = new ArrayList<>();

  public PlatformTimeline(List<OutageEvent> changes) {
    this.changes.addAll(changes);
    this.changes.sort(Comparator.comparing(OutageEvent::getUpdatedAt));
  }

  /** Regions each service is down in at {@code at} (changes at {@code at} included), by service. */
  public Map<String, Set<String>> downAt(Instant at) {
    Map<String, OutageEvent> latest = new HashMap<>();
    for (OutageEvent change : changes) {
      if (change.getUpdatedAt().isAfter(at)) {
        break;
      }
      latest.put(change.getOutageId(), change);
    }
    Map<String, Set<String>> down = new TreeMap<>();
    for (OutageEvent outage : latest.values()) {
      if (outage.getState() != OutageState.RESOLVED && outage.getMergedInto() == null) {
        down.computeIfAbsent(outage.getService(), s -> new TreeSet<>()).addAll(outage.getRegions());
      }
    }
    return down;
  }
}
