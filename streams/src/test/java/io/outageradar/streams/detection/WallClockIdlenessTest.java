package io.outageradar.streams.detection;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.rules.Rules;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.streams.InputLag;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.placement.InputPlacement;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
 */
class WallClockIdlenessTest {
  private static final String SCOPE = WallClockIdlenessTest.class.getName();
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();
  private static final String KEY = "whatsapp|BR";

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

  private TopologyTestDriver driver() {
    return driver(at(40));
  }

  private TopologyTestDriver driver(Instant wallClock) {
    InputLag lag =
        (topic, partition, processed) ->
            !topic.equals(topics.probeResults.name()) || probesCaughtUp.get();
    return new TopologyTestDriver(
        DetectionTopology.build(
            new DetectionTopology.Settings(
                new Rules(
                    CONFIG,
                    ReportDetectionConfig.defaults(),
                    AlertConfig.defaults(),
                    RevenueTable.parse("")),
                SentimentAnalyzer.standard(),
                topics,
                lag,
                InputPlacement.Partitions.SINGLE)),
        StreamsProperties.of(
            "wall-clock-idleness-test", "dummy:9092", topics.deadLetters.name(), stateDir, false),
        wallClock);
  }

  /**
   * Healthy probes at 5 s and 35 s, then a minute of wall-clock time with only reports (live), then
   * failing probes of 50 s — the backlog — and the end of the input.
   */
  private RegionWindowHealth windowOfTheBacklog() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> probes = input(driver, topics.probeResults);
      TestInputTopic<String, UserReport> reports = input(driver, topics.userReports);
      for (long second : new long[] {5, 35}) {
        for (String agent : new String[] {"a1", "a2", "a3"}) {
          probes.pipeInput(
              KEY, probe("whatsapp", "BR", agent, ProbeStatus.OK, at(second)), at(second));
        }
      }
      for (long second = 40; second < 100; second += 2) {
        reports.pipeInput(KEY, report(at(second)), at(second));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
      }
      for (String agent : new String[] {"a1", "a2", "a3"}) {
        probes.pipeInput(
            KEY, probe("whatsapp", "BR", agent, ProbeStatus.DNS_SERVFAIL, at(50)), at(50));
      }
      probesCaughtUp.set(true);
      for (int step = 0; step < 36; step++) {
        driver.advanceWallClockTime(Duration.ofSeconds(5));
      }
      return driver
          .createOutputTopic(
              topics.regionHealth.name(),
              topics.regionHealth.keySerde().deserializer(),
              topics.regionHealth.valueSerde().deserializer())
          .readValuesToList()
          .stream()
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
    try (TopologyTestDriver driver = driver(at(100))) {
      TestInputTopic<String, ProbeResult> probes = input(driver, topics.probeResults);
      TestInputTopic<String, UserReport> reports = input(driver, topics.userReports);
      // reports just behind the wall clock, then none while probes of long ago go on for a minute
      reports.pipeInput(KEY, report(at(95)), at(95));
      reports.pipeInput(KEY, report(at(98)), at(98));
      for (int step = 0; step < 12; step++) {
        long second = 20 + 5L * step;
        probes.pipeInput(
            KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(second)), at(second));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
      }
      // the catch-up is over: the task is quiet, then live records come
      for (int step = 0; step < 8; step++) {
        driver.advanceWallClockTime(Duration.ofSeconds(5));
      }
      reports.pipeInput(KEY, report(at(200)), at(200));
      probes.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(200)), at(200));
      for (int step = 0; step < 36; step++) {
        driver.advanceWallClockTime(Duration.ofSeconds(5));
      }

      assertThat(dropped(driver, "late-reports-dropped-total")).isZero();
      assertThat(dropped(driver, "late-probes-dropped-total")).isZero();
      assertThat(
              driver
                  .createOutputTopic(
                      topics.reportHealth.name(),
                      topics.reportHealth.keySerde().deserializer(),
                      topics.reportHealth.valueSerde().deserializer())
                  .readValuesToList())
          .as("the live report's minute was judged, with the report in it")
          .anyMatch(minute -> minute.getWindowStart().equals(at(180)) && minute.getReports() == 1);
    }
  }

  private static double dropped(TopologyTestDriver driver, String metric) {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(metric))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  private static UserReport report(Instant at) {
    return UserReport.newBuilder()
        .setReportId("r-" + at.getEpochSecond())
        .setService("whatsapp")
        .setRegion("BR")
        .setReporterId("r-" + at.getEpochSecond())
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText("ok")
        .setLang("en")
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }

  private static <V> TestInputTopic<String, V> input(
      TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }
}
