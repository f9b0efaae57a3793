package io.outageradar.simulation;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.model.ServiceRegion;
import java.time.Duration;
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
    Iterator<SpecificRecord> merged =
        new Iterator<>() {
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
            boolean probeFirst =
                nextReport == null
                    || (nextProbe != null
                        && !nextProbe.getObservedAt().isAfter(nextReport.getReportedAt()));
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
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
  }

  /** Event time of a scenario event. */
  public static Instant timeOf(SpecificRecord event) {
    return event instanceof ProbeResult probe
        ? probe.getObservedAt()
        : ((UserReport) event).getReportedAt();
  }

  /** The {@code service|region} key a scenario event is published under. */
  public static String keyOf(SpecificRecord event) {
    ServiceRegion key =
        event instanceof ProbeResult probe
            ? new ServiceRegion(probe.getService(), probe.getRegion())
            : new ServiceRegion(
                ((UserReport) event).getService(), ((UserReport) event).getRegion());
    return key.key();
  }

  /**
   * The event moved in time by {@code shift}: a copy with its event time (and nothing else)
   * changed.
   */
  public static SpecificRecord shifted(SpecificRecord event, Duration shift) {
    if (event instanceof ProbeResult probe) {
      return ProbeResult.newBuilder(probe).setObservedAt(probe.getObservedAt().plus(shift)).build();
    }
    UserReport report = (UserReport) event;
    return UserReport.newBuilder(report).setReportedAt(report.getReportedAt().plus(shift)).build();
  }

  /**
   * The whole days to add to a scenario that ends at {@code end} so that it ends within the day
   * before {@code now}. Whole days keep windows, minutes and hour-of-week slots aligned as in the
   * original, so the rebased replay finds the same outages, moved by the same days.
   */
  public static Duration rebaseToEndBefore(Instant end, Instant now) {
    return Duration.ofDays(Math.max(0, Duration.between(end, now).toDays()));
  }
}
