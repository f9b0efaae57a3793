package io.outageradar.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.GoldenTopology;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report minutes with explicit event times: a warm baseline of 20 reporters a minute, then what follows. */
class ReportAnomalyTopologyTest {
  private static final String SCOPE = ReportAnomalyTopologyTest.class.getName();
  private static final Instant T0 = Instant.parse("2021-10-04T14:00:00Z");
  private static final String KEY = "whatsapp|BR";
  private static final int WARM_MINUTES = 40;

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private TopologyTestDriver driver() {
    return new TopologyTestDriver(ReportAnomalyTopology.build(ReportDetectionConfig.defaults(), DetectionConfig.defaults(), topics),
        StreamsProperties.of("report-test", "dummy:9092", topics.deadLetters.name(), stateDir, false));
  }

  private TestInputTopic<String, ScoredReport> input(TopologyTestDriver driver) {
    return driver.createInputTopic(topics.scoredReports.name(),
        topics.scoredReports.keySerde().serializer(), topics.scoredReports.valueSerde().serializer());
  }

  private List<ReportWindowStats> output(TopologyTestDriver driver) {
    return driver.createOutputTopic(topics.reportHealth.name(), topics.reportHealth.keySerde().deserializer(),
        topics.reportHealth.valueSerde().deserializer()).readValuesToList();
  }

  /** A report as the sentiment topology hands it on, with the given compound score. */
  private static void report(TestInputTopic<String, ScoredReport> in, String reporter, Instant at, double compound) {
    UserReport report = UserReport.newBuilder()
        .setReportId(UUID.randomUUID().toString()).setService("whatsapp").setRegion("BR").setReporterId(reporter)
        .setSource(ReportSource.WEB).setCategory(ReportCategory.MESSAGING).setText("not sending").setLang("en")
        .setReportedAt(at).setSentiment(null).build();
    in.pipeInput(KEY, new ScoredReport(report, compound, 0.0, 1.0, 0.0, "en"), at);
  }

  /** 40 minutes of 20 distinct reporters each, then the minute under test starting at T0 + 40 min. */
  private static void warmUp(TestInputTopic<String, ScoredReport> in) {
    for (int minute = 0; minute < WARM_MINUTES; minute++) {
      for (int i = 0; i < 20; i++) {
        report(in, "warm-" + minute + "-" + i, T0.plusSeconds(60L * minute + 2 * i), 0.0);
      }
    }
  }

  private static Instant testMinute(int second) {
    return T0.plusSeconds(60L * WARM_MINUTES + second);
  }

  private static void closeTestMinute(TestInputTopic<String, ScoredReport> in) {
    report(in, "closer", T0.plusSeconds(60L * (WARM_MINUTES + 2)), 0.0);
  }

  private static ReportWindowStats testMinuteOf(List<ReportWindowStats> stats) {
    return stats.stream().filter(s -> s.getWindowStart().equals(testMinute(0))).findFirst().orElseThrow();
  }

  @Test
  void aSurgeOfDistinctReportersIsAnomalous() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ScoredReport> in = input(driver);
      warmUp(in);
      for (int i = 0; i < 300; i++) {
        report(in, "surge-" + i, testMinute(i % 60), i < 240 ? -0.8 : 0.2);
      }
      closeTestMinute(in);

      List<ReportWindowStats> stats = output(driver);
      assertThat(stats.subList(0, WARM_MINUTES)).noneMatch(ReportWindowStats::getAnomalous);
      ReportWindowStats surge = testMinuteOf(stats);
      assertThat(surge.getDistinctReporters()).isEqualTo(300);
      assertThat(surge.getBaselineMedian()).isEqualTo(20.0);
      assertThat(surge.getAnomalous()).isTrue();
      assertThat(surge.getAnomalyScore()).isGreaterThan(0.5);
      // 240 × -0.8 + 60 × 0.2 over 300 reports
      assertThat(surge.getMeanSentiment()).isCloseTo(-0.6, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(surge.getNegativeShare()).isEqualTo(0.8);
    }
  }

  @Test
  void aFloodFromOneReporterOrAHandfulNeverConfirmsAnything() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ScoredReport> in = input(driver);
      warmUp(in);
      for (int i = 0; i < 500; i++) {
        report(in, "angry-" + (i % 5), testMinute(i % 60), -0.9);
      }
      closeTestMinute(in);

      ReportWindowStats flood = testMinuteOf(output(driver));
      assertThat(flood.getReports()).isEqualTo(500);
      assertThat(flood.getDistinctReporters()).isEqualTo(5);
      assertThat(flood.getAnomalous()).isFalse();
    }
  }

  @Test
  void aReporterCountsOncePerServicePerHour() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ScoredReport> in = input(driver);
      report(in, "u-1", T0.plusSeconds(10), 0.0);
      report(in, "u-1", T0.plusSeconds(130), 0.0); // same hour, two minutes later
      report(in, "u-1", T0.plusSeconds(3600 + 10), 0.0); // next hour counts again
      report(in, "closer", T0.plusSeconds(3600 + 200), 0.0);

      List<ReportWindowStats> stats = output(driver);
      assertThat(stats).extracting(ReportWindowStats::getDistinctReporters).containsExactly(1, 0, 1);
      assertThat(stats).extracting(ReportWindowStats::getReports).containsExactly(1, 1, 1);
    }
  }

  @Test
  void theLastMinuteOfAQuietRegionClosesByTheWallClock() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ScoredReport> in = input(driver);
      report(in, "u-1", T0.plusSeconds(10), -0.5);
      assertThat(output(driver)).isEmpty();

      driver.advanceWallClockTime(DetectionConfig.defaults().idleAdvanceAfter().plus(Duration.ofSeconds(75)));

      assertThat(output(driver)).extracting(ReportWindowStats::getWindowStart).containsExactly(T0);
    }
  }

  @Test
  void topologyMatchesItsGoldenDescription() throws Exception {
    GoldenTopology.assertMatches("report-anomaly",
        ReportAnomalyTopology.build(ReportDetectionConfig.defaults(), DetectionConfig.defaults(), topics));
  }
}
