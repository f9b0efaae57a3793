package io.outageradar.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report minutes with explicit event times: a warm baseline of 20 reporters a minute, then what
 * follows.
 */
class ReportMinutesTest {
  private static final String SCOPE = ReportMinutesTest.class.getName();
  private static final Instant T0 = Instant.parse("2021-10-04T14:00:00Z");
  private static final String KEY = "whatsapp|BR";
  private static final int WARM_MINUTES = 40;
  private static final String NEUTRAL = "hello";
  private static final String ANGRY = "this is awful and terrible, I hate it";
  private static final String PLEASED = "good, thanks";

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private DetectionDriver driver() {
    return new DetectionDriver(topics, stateDir);
  }

  private static List<ReportWindowStats> output(DetectionDriver driver) {
    return driver.reportHealth();
  }

  private static double compoundOf(String text) {
    return SentimentAnalyzer.standard().analyze(text, "en").compound();
  }

  /** A report in English with the given text; the topology scores it. */
  private static void report(DetectionDriver in, String reporter, Instant at, String text) {
    in.report(
        UserReport.newBuilder()
            .setReportId(UUID.randomUUID().toString())
            .setService("whatsapp")
            .setRegion("BR")
            .setReporterId(reporter)
            .setSource(ReportSource.WEB)
            .setCategory(ReportCategory.MESSAGING)
            .setText(text)
            .setLang("en")
            .setReportedAt(at)
            .setSentiment(null)
            .build());
  }

  /**
   * 40 minutes of 20 distinct reporters each, then the minute under test starting at T0 + 40 min.
   */
  private static void warmUp(DetectionDriver in) {
    for (int minute = 0; minute < WARM_MINUTES; minute++) {
      for (int i = 0; i < 20; i++) {
        report(in, "warm-" + minute + "-" + i, T0.plusSeconds(60L * minute + 2 * i), NEUTRAL);
      }
    }
  }

  private static Instant testMinute(int second) {
    return T0.plusSeconds(60L * WARM_MINUTES + second);
  }

  private static void closeTestMinute(DetectionDriver in) {
    report(in, "closer", T0.plusSeconds(60L * (WARM_MINUTES + 2)), NEUTRAL);
  }

  private static ReportWindowStats testMinuteOf(List<ReportWindowStats> stats) {
    return stats.stream()
        .filter(s -> s.getWindowStart().equals(testMinute(0)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSurgeOfDistinctReportersIsAnomalous() {
    try (DetectionDriver driver = driver()) {
      DetectionDriver in = driver;
      warmUp(in);
      for (int i = 0; i < 300; i++) {
        report(in, "surge-" + i, testMinute(i % 60), i < 240 ? ANGRY : PLEASED);
      }
      closeTestMinute(in);

      List<ReportWindowStats> stats = output(driver);
      assertThat(stats.subList(0, WARM_MINUTES)).noneMatch(ReportWindowStats::getAnomalous);
      ReportWindowStats surge = testMinuteOf(stats);
      assertThat(surge.getDistinctReporters()).isEqualTo(300);
      assertThat(surge.getBaselineMedian()).isEqualTo(20.0);
      assertThat(surge.getAnomalous()).isTrue();
      assertThat(surge.getAnomalyScore()).isGreaterThan(0.5);
      double expected = (240 * compoundOf(ANGRY) + 60 * compoundOf(PLEASED)) / 300;
      assertThat(surge.getMeanSentiment())
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(surge.getNegativeShare()).isEqualTo(0.8);
    }
  }

  @Test
  void aFloodFromOneReporterOrAHandfulNeverConfirmsAnything() {
    try (DetectionDriver driver = driver()) {
      DetectionDriver in = driver;
      warmUp(in);
      for (int i = 0; i < 500; i++) {
        report(in, "angry-" + (i % 5), testMinute(i % 60), ANGRY);
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
    try (DetectionDriver driver = driver()) {
      DetectionDriver in = driver;
      report(in, "u-1", T0.plusSeconds(10), NEUTRAL);
      report(in, "u-1", T0.plusSeconds(130), NEUTRAL); // same hour, two minutes later
      report(in, "u-1", T0.plusSeconds(3600 + 10), NEUTRAL); // next hour counts again
      report(in, "closer", T0.plusSeconds(3600 + 200), NEUTRAL);

      List<ReportWindowStats> stats = output(driver);
      assertThat(stats)
          .extracting(ReportWindowStats::getDistinctReporters)
          .containsExactly(1, 0, 1);
      assertThat(stats).extracting(ReportWindowStats::getReports).containsExactly(1, 1, 1);
    }
  }

  @Test
  void theLastMinuteOfAQuietRegionClosesByTheWallClock() {
    try (DetectionDriver driver = driver()) {
      DetectionDriver in = driver;
      report(in, "u-1", T0.plusSeconds(10), ANGRY);
      assertThat(output(driver)).isEmpty();

      driver.idle(DetectionConfig.defaults().idleAdvanceAfter().plus(Duration.ofSeconds(75)));

      assertThat(output(driver)).extracting(ReportWindowStats::getWindowStart).containsExactly(T0);
    }
  }
}
