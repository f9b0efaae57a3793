package io.outageradar.streams.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.testkit.Probes;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcome is a function of the events, not of the order in which the two inputs are read: a
 * consumer may fetch one topic far ahead of the other (a catch-up, a replay), which must change
 * nothing — only the order within each input counts.
 */
class InputOrderTest {
  private static final String SCOPE = InputOrderTest.class.getName();
  private static final List<String> REGIONS = List.of("BR", "US", "DE");

  @TempDir Path stateDir;

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  /**
   * Two quiet hours of probes and reports, then whatsapp down for 10 minutes everywhere with a
   * report surge, then calm.
   */
  private static List<SpecificRecord> incident() {
    List<SpecificRecord> events = new ArrayList<>();
    for (int w = 0; w < 300; w++) {
      boolean down = w >= 240 && w < 260;
      for (String region : REGIONS) {
        events.addAll(
            Probes.round("whatsapp", region, w, down ? HealthStatus.DOWN : HealthStatus.HEALTHY));
        int reports = down ? 40 : 1;
        for (int r = 0; r < reports; r++) {
          Instant at = Probes.T0.plusSeconds(30L * w + (r * 29L) / reports);
          events.add(
              report(
                  region,
                  region + "-" + w + "-" + r,
                  at,
                  down ? "whatsapp is down, messages not sending" : "ok"));
        }
      }
    }
    events.sort(Comparator.comparing(InputOrderTest::timeOf));
    return events;
  }

  private static UserReport report(String region, String reporter, Instant at, String text) {
    return UserReport.newBuilder()
        .setReportId(reporter)
        .setService("whatsapp")
        .setRegion(region)
        .setReporterId(reporter)
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText(text)
        .setLang("en")
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }

  private static Instant timeOf(SpecificRecord event) {
    return event instanceof ProbeResult probe
        ? probe.getObservedAt()
        : ((UserReport) event).getReportedAt();
  }

  private List<String> outcome(List<SpecificRecord> events, String run) {
    try (DetectionDriver driver =
        new DetectionDriver(
            Topics.create(MockSchemaRegistry.forScope(SCOPE)), stateDir.resolve(run))) {
      for (SpecificRecord event : events) {
        if (event instanceof ProbeResult probe) {
          driver.probe(probe);
        } else {
          driver.report((UserReport) event);
        }
      }
      driver.goQuiet();
      List<String> lines = new ArrayList<>();
      for (OutageEvent o : driver.outages()) {
        lines.add(
            o.getOutageId()
                + " "
                + o.getState()
                + " "
                + o.getRegions()
                + " "
                + o.getUpdatedAt()
                + " reports "
                + o.getReports());
      }
      for (Page p : driver.pages()) {
        lines.add(p.getDedupKey() + " " + p.getAction() + " " + p.getAt());
      }
      return lines;
    }
  }

  @Test
  void allProbesFirstOrAllReportsFirstGivesTheSameOutcomeAsTimeOrder() {
    List<SpecificRecord> inTimeOrder = incident();
    List<SpecificRecord> probes =
        inTimeOrder.stream().filter(e -> e instanceof ProbeResult).toList();
    List<SpecificRecord> reports =
        inTimeOrder.stream().filter(e -> e instanceof UserReport).toList();
    List<SpecificRecord> probesFirst = new ArrayList<>(probes);
    probesFirst.addAll(reports);
    List<SpecificRecord> reportsFirst = new ArrayList<>(reports);
    reportsFirst.addAll(probes);

    List<String> expected = outcome(inTimeOrder, "time-order");

    assertThat(expected)
        .as("the incident was judged and paged")
        .anyMatch(line -> line.contains("TRIGGER"))
        .anyMatch(line -> line.contains("RESOLVE"));
    assertThat(outcome(probesFirst, "probes-first")).isEqualTo(expected);
    assertThat(outcome(reportsFirst, "reports-first")).isEqualTo(expected);
  }
}
