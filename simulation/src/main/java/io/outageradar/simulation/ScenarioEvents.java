package io.outageradar.simulation;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.model.ServiceRegion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * A scenario's probes, reports and status-page statements merged into one stream in event-time
 * order, lazily.
 */
public final class ScenarioEvents {
  private ScenarioEvents() {}

  public static Stream<SpecificRecord> of(Scenario scenario) {
    List<Iterator<? extends SpecificRecord>> sources =
        List.of(
            scenario.probes().iterator(),
            scenario.reports().iterator(),
            scenario.vendorStatements().iterator());
    List<SpecificRecord> heads = new ArrayList<>();
    sources.forEach(source -> heads.add(source.hasNext() ? source.next() : null));
    Iterator<SpecificRecord> merged =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return heads.stream().anyMatch(Objects::nonNull);
          }

          /** The earliest head; on a tie probes, then reports, then statements. */
          @Override
          public SpecificRecord next() {
            int first = -1;
            for (int i = 0; i < heads.size(); i++) {
              SpecificRecord head = heads.get(i);
              if (head != null && (first < 0 || timeOf(head).isBefore(timeOf(heads.get(first))))) {
                first = i;
              }
            }
            if (first < 0) {
              throw new NoSuchElementException();
            }
            SpecificRecord next = heads.get(first);
            Iterator<? extends SpecificRecord> source = sources.get(first);
            heads.set(first, source.hasNext() ? source.next() : null);
            return next;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
  }

  /** Event time of a scenario event. */
  public static Instant timeOf(SpecificRecord event) {
    if (event instanceof VendorStatus status) {
      return status.getObservedAt();
    }
    return event instanceof ProbeResult probe
        ? probe.getObservedAt()
        : ((UserReport) event).getReportedAt();
  }

  /** The {@code service|region} key a scenario event is published under. */
  public static String keyOf(SpecificRecord event) {
    ServiceRegion key;
    if (event instanceof ProbeResult probe) {
      key = new ServiceRegion(probe.getService(), probe.getRegion());
    } else if (event instanceof VendorStatus status) {
      key = new ServiceRegion(status.getService(), status.getRegion());
    } else {
      key = new ServiceRegion(((UserReport) event).getService(), ((UserReport) event).getRegion());
    }
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
    if (event instanceof VendorStatus status) {
      return VendorStatus.newBuilder(status)
          .setObservedAt(status.getObservedAt().plus(shift))
          .build();
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
