package io.outageradar.producers.replay;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.model.ServiceRegion;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/** A scenario's probes and reports merged into one stream in event-time order, lazily. */
public final class ScenarioEvents {
  private ScenarioEvents() {}

  public static Stream<SpecificRecord> of(Scenario scenario) {
    Iterator<ProbeResult> probes = scenario.probes().iterator();
    Iterator<UserReport> reports = scenario.reports().iterator();
    Iterator<SpecificRecord> merged = new Iterator<>() {
      private ProbeResult nextProbe = probes.hasNext() ? probes.next() : null;
      private UserReport nextReport = reports.hasNext() ? reports.next() : null;

      @Override
      public boolean hasNext() {
        return nextProbe != null || nextReport != null;
      }

      @Override
      public SpecificRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        boolean probeFirst = nextReport == null
            || (nextProbe != null && !nextProbe.getObservedAt().isAfter(nextReport.getReportedAt()));
        if (probeFirst) {
          ProbeResult probe = nextProbe;
          nextProbe = probes.hasNext() ? probes.next() : null;
          return probe;
        }
        UserReport report = nextReport;
        nextReport = reports.hasNext() ? reports.next() : null;
        return report;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
  }

  /** Event time of a scenario event. */
  public static Instant timeOf(SpecificRecord event) {
    return event instanceof ProbeResult probe ? probe.getObservedAt() : ((UserReport) event).getReportedAt();
  }

  /** The {@code service|region} key a scenario event is published under. */
  public static String keyOf(SpecificRecord event) {
    ServiceRegion key = event instanceof ProbeResult probe ? new ServiceRegion(probe.getService(), probe.getRegion())
        : new ServiceRegion(((UserReport) event).getService(), ((UserReport) event).getRegion());
    return key.key();
  }
}
