package io.outageradar.streams.detection;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the wall clock may and may not decide for an input that went silent.
 *
 * <p>Live reports do not make the probes' silence an idleness while probes are still waiting to be
 * processed (a backlog in the consumer or the placement, as under a load the pipeline cannot keep
 * up with): their windows stay open, and the backlog counts when it arrives instead of being
 * dropped as late. Once the probes' input has nothing left, the same silence does close them.
 *
 * <p>A task that goes quiet at the end of a catch-up closes its windows at once, but never so far
 * that the live records which follow are late.
 *
 * <p>A live input that speaks only now and then holds the other's verdicts back no longer than its
 * short silence, and in their order.
 */
class WallClockIdlenessTest {
  private static final String SCOPE = WallClockIdlenessTest.class.getName();

  @TempDir Path stateDir;
  private Topics topics;

  /** Whether the task has processed every probe the broker holds: the test says. */
  private final AtomicBoolean probesCaughtUp = new AtomicBoolean();

  @BeforeEach
  void catalog() {
    topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
  }

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private DetectionDriver driver(Instant wallClock) {
    return new DetectionDriver(
        topics,
        stateDir,
        (topic, partition, processed) ->
            !topic.equals(topics.probeResults.name()) || probesCaughtUp.get(),
        wallClock);
  }

  /**
   * Healthy probes at 5 s and 35 s, then a minute of wall-clock time with only reports (live), then
   * failing probes of 50 s — the backlog — and the end of the input.
   */
  private RegionWindowHealth windowOfTheBacklog() {
    try (DetectionDriver driver = driver(at(40))) {
      for (long second : new long[] {5, 35}) {
        for (String agent : new String[] {"a1", "a2", "a3"}) {
          driver.probe(probe("whatsapp", "BR", agent, ProbeStatus.OK, at(second)));
        }
      }
      for (long second = 40; second < 100; second += 2) {
        driver.report(report(at(second)));
        advance(driver, 1, Duration.ofSeconds(2));
      }
      for (String agent : new String[] {"a1", "a2", "a3"}) {
        driver.probe(probe("whatsapp", "BR", agent, ProbeStatus.DNS_SERVFAIL, at(50)));
      }
      probesCaughtUp.set(true);
      advance(driver, 36, Duration.ofSeconds(5));
      return driver.regionHealth().stream()
          .filter(window -> window.getWindowStart().equals(at(30)))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void probesStillToBeProcessedKeepTheirWindowsOpenWhileReportsAreLive() {
    probesCaughtUp.set(false);

    RegionWindowHealth window = windowOfTheBacklog();

    assertThat(window.getChecks()).as("the window's probes, the backlog's too").isEqualTo(6);
    assertThat(window.getFailedChecks()).isEqualTo(3);
  }

  @Test
  void probesWithNothingLeftAreIdleWhileReportsAreLiveAndTheirWindowsClose() {
    probesCaughtUp.set(true);

    RegionWindowHealth window = windowOfTheBacklog();

    assertThat(window.getChecks())
        .as("closed by the wall clock before the late probes came: they count nowhere")
        .isEqualTo(3);
    assertThat(window.getFailedChecks()).isZero();
  }

  @Test
  void theEndOfACatchUpLeavesTheNextLiveRecordsOnTime() {
    probesCaughtUp.set(true);
    try (DetectionDriver driver = driver(at(100))) {
      // reports just behind the wall clock, then none while probes of long ago go on for a minute
      driver.report(report(at(95)));
      driver.report(report(at(98)));
      for (int step = 0; step < 12; step++) {
        driver.probe(probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(20 + 5L * step)));
        advance(driver, 1, Duration.ofSeconds(5));
      }
      // the catch-up is over: the task is quiet, then live records come
      advance(driver, 8, Duration.ofSeconds(5));
      driver.report(report(at(200)));
      driver.probe(probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(200)));
      advance(driver, 36, Duration.ofSeconds(5));

      assertThat(DetectionDriver.metricTotal(driver.driver(), "late-reports-dropped-total"))
          .isZero();
      assertThat(DetectionDriver.metricTotal(driver.driver(), "late-probes-dropped-total"))
          .isZero();
      assertThat(driver.reportHealth())
          .as("the live report's minute was judged, with the report in it")
          .anyMatch(minute -> minute.getWindowStart().equals(at(180)) && minute.getReports() == 1);
    }
  }

  /**
   * Live probes of four regions every second, failing from the twelfth minute on, and live reports
   * only in a burst every 8 s (one user before, 25 after): the outage is paged within a second or
   * so of its deciding window closing (its end plus the grace), not with the next burst of reports
   * — and the outage is exactly what the same records give with no wall clock at all, reports
   * included, so the reports' silence changed no verdict's order.
   */
  @Test
  void sparseLiveReportsHoldAVerdictBackNoLongerThanTheirSilence() {
    probesCaughtUp.set(true);
    List<Page> pages = new ArrayList<>();
    List<Long> pagedAtWall = new ArrayList<>();
    List<OutageEvent> live;
    try (DetectionDriver driver = driver(at(0))) {
      for (long second = 0; second < SECONDS; second++) {
        liveSecond(driver, second);
        for (int quarter = 1; quarter <= 4; quarter++) {
          driver.driver().advanceWallClockTime(Duration.ofMillis(250));
          for (Page page : driver.pages()) {
            pages.add(page);
            pagedAtWall.add(at(second).toEpochMilli() + quarter * 250L);
          }
        }
      }
      live = driver.outages();
    }
    List<OutageEvent> noWallClock;
    try (DetectionDriver driver = new DetectionDriver(topics, stateDir.resolve("no-wall-clock"))) {
      for (long second = 0; second < SECONDS; second++) {
        liveSecond(driver, second);
      }
      noWallClock = driver.outages();
    }

    assertThat(pages).as("the outage was paged").isNotEmpty();
    long decided = pages.get(0).getAt().plus(DetectionConfig.defaults().grace()).toEpochMilli();
    assertThat(pagedAtWall.get(0))
        .as("paged once its deciding window closed, without waiting for the next reports")
        .isBetween(decided, decided + 2_000);
    int both = Math.min(live.size(), noWallClock.size());
    assertThat(both).as("the outage was judged both ways").isPositive();
    assertThat(live.subList(0, both))
        .as("the reports of the failing minutes are in the outage")
        .isEqualTo(noWallClock.subList(0, both));
  }

  private static final long SECONDS = 900;
  private static final long FAILS_FROM = 720;

  private static void liveSecond(DetectionDriver driver, long second) {
    ProbeStatus status = second >= FAILS_FROM ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK;
    for (String region : new String[] {"BR", "DE", "GB", "US"}) {
      for (String agent : new String[] {"a1", "a2", "a3"}) {
        driver.probe(probe("whatsapp", region, agent, status, at(second)));
      }
    }
    if (second % 8 == 3) {
      // while the service fails, its users complain in numbers: the reports count in the outage
      for (int user = 0; user < (second >= FAILS_FROM ? 25 : 1); user++) {
        driver.report(report(at(second), "u" + user));
      }
    }
  }

  private static void advance(DetectionDriver driver, int steps, Duration step) {
    for (int i = 0; i < steps; i++) {
      driver.driver().advanceWallClockTime(step);
    }
  }

  private static UserReport report(Instant at) {
    return report(at, "r-" + at.getEpochSecond());
  }

  private static UserReport report(Instant at, String reporter) {
    return UserReport.newBuilder()
        .setReportId("r-" + at.getEpochSecond() + "-" + reporter)
        .setService("whatsapp")
        .setRegion("BR")
        .setReporterId(reporter)
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText("ok")
        .setLang("en")
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }
}
