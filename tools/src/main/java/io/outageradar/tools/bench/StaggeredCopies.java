package io.outageradar.tools.bench;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.simulation.ScenarioEvents;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * Copies of a time-ordered slice of a replay, each under renamed services ({@code facebook-l0},
 * {@code facebook-l1}, ...), copy {@code k} moved {@code later + k × stagger} in event time, merged
 * into one stream in event-time order. Why staggered: copies that fail at the same event time are
 * decided at the same moment, and their latencies are one sample taken many times; a stagger of
 * more than a window makes each copy's outage decided at a moment of its own. Merged lazily, so the
 * copies are never all in memory.
 */
final class StaggeredCopies {
  private static final String SUFFIX = "-l";

  private StaggeredCopies() {}

  static Stream<SpecificRecord> of(
      List<SpecificRecord> slice, int copies, Duration later, Duration stagger) {
    Iterator<SpecificRecord> merged = new Merged(slice, copies, later, stagger);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
  }

  /** How far copy {@code copy} is moved beyond {@code later}. */
  static Duration offset(int copy, Duration stagger) {
    return stagger.multipliedBy(copy);
  }

  /** The copy a renamed service belongs to. */
  static int copyOf(String service) {
    return Integer.parseInt(service.substring(service.lastIndexOf(SUFFIX) + SUFFIX.length()));
  }

  private static SpecificRecord renamed(SpecificRecord event, int copy) {
    String suffix = SUFFIX + copy;
    if (event instanceof ProbeResult probe) {
      return ProbeResult.newBuilder(probe)
          .setService(probe.getService() + suffix)
          .setProbeId(probe.getProbeId() + suffix)
          .build();
    }
    UserReport report = (UserReport) event;
    return UserReport.newBuilder(report)
        .setService(report.getService() + suffix)
        .setReportId(report.getReportId() + suffix)
        .build();
  }

  /** The next event of each copy, the earliest first (ties: the lower copy). */
  private static final class Merged implements Iterator<SpecificRecord> {
    private record Cursor(int copy, int index, long atMs) {}

    private final List<SpecificRecord> slice;
    private final Duration later;
    private final Duration stagger;
    private final PriorityQueue<Cursor> next =
        new PriorityQueue<>(Comparator.comparingLong(Cursor::atMs).thenComparingInt(Cursor::copy));

    Merged(List<SpecificRecord> slice, int copies, Duration later, Duration stagger) {
      this.slice = slice;
      this.later = later;
      this.stagger = stagger;
      for (int copy = 0; copy < copies && !slice.isEmpty(); copy++) {
        next.add(cursor(copy, 0));
      }
    }

    private Cursor cursor(int copy, int index) {
      long atMs =
          ScenarioEvents.timeOf(slice.get(index))
              .plus(later)
              .plus(offset(copy, stagger))
              .toEpochMilli();
      return new Cursor(copy, index, atMs);
    }

    @Override
    public boolean hasNext() {
      return !next.isEmpty();
    }

    @Override
    public SpecificRecord next() {
      Cursor head = next.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      if (head.index() + 1 < slice.size()) {
        next.add(cursor(head.copy(), head.index() + 1));
      }
      return renamed(
          ScenarioEvents.shifted(slice.get(head.index()), later.plus(offset(head.copy(), stagger))),
          head.copy());
    }
  }
}
