package io.outageradar.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.state.ReportBaselineState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReportScorerTest {
  private final ReportDetectionConfig config = ReportDetectionConfig.defaults();
  private final ReportScorer scorer = new ReportScorer(config);

  private static List<Integer> samples(int... values) {
    List<Integer> list = new ArrayList<>();
    for (int v : values) {
      list.add(v);
    }
    return list;
  }

  private static List<Integer> repeated(int value, int times) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      list.add(value);
    }
    return list;
  }

  @Test
  void medianAndMadAreRobustToTheOutliersTheyMustDetect() {
    List<Integer> slot = repeated(20, 28);
    slot.add(5000);
    slot.add(4000);

    ReportScorer.Score score = scorer.score(22, slot, List.of());

    assertThat(score.median()).isEqualTo(20.0);
    assertThat(score.mad()).isZero();
    assertThat(score.anomalous()).isFalse();
  }

  @Test
  void aSurgeWellAboveTheSlotIsAnomalousWithAScoreAboveOneHalf() {
    ReportScorer.Score score = scorer.score(400, repeated(20, 40), List.of());

    // sigma floors at sqrt(20) = 4.47 when MAD is 0, so z = (400 - 20) / 4.47 = 85
    assertThat(score.z()).isCloseTo(84.97, org.assertj.core.data.Offset.offset(0.01));
    assertThat(score.score()).isGreaterThan(0.5).isLessThan(1.0);
    assertThat(score.anomalous()).isTrue();
  }

  @Test
  void aFewReportsNeverAlarmEvenOverASilentBaseline() {
    ReportScorer.Score score = scorer.score(config.minReporters() - 1, repeated(0, 40), List.of());

    assertThat(score.z()).isGreaterThan(config.zThreshold());
    assertThat(score.anomalous()).isFalse();
  }

  @Test
  void aColdSlotUsesThePooledBaselineAndAColdSeriesNeverAlarms() {
    ReportScorer.Score pooled = scorer.score(200, samples(1, 2), repeated(20, 40));
    assertThat(pooled.warmingUp()).isFalse();
    assertThat(pooled.median()).isEqualTo(20.0);

    ReportScorer.Score cold = scorer.score(5000, List.of(), List.of(1, 2, 3, 4));
    assertThat(cold.warmingUp()).isTrue();
    assertThat(cold.anomalous()).as("a cold start knows no normal").isFalse();

    List<Integer> early =
        repeated(20, 10); // warming: z must beat 3 x 5 = 15; sigma floors at sqrt(20) = 4.47
    assertThat(scorer.score(80, List.of(), early).anomalous()).as("z = 13.4").isFalse();
    assertThat(scorer.score(100, List.of(), early).anomalous()).as("z = 17.9").isTrue();
  }

  @Test
  void anomalousPeriodsAreInpaintedWithTheMedian() {
    ReportScorer.Score surge = scorer.score(400, repeated(20, 40), List.of());
    assertThat(ReportScorer.learnedValue(400, surge)).isEqualTo(20);
    ReportScorer.Score normal = scorer.score(23, repeated(20, 40), List.of());
    assertThat(ReportScorer.learnedValue(23, normal)).isEqualTo(23);
  }

  @Test
  void aQuietWeekWithADiurnalPatternAndNoiseNeverAlarmsAfterWarmUp() {
    ReportBaseline judge = new ReportBaseline(config);
    ReportBaselineState baseline = ReportBaseline.empty();
    SplittableRandom random = new SplittableRandom(11);
    Instant monday = Instant.parse("2024-01-01T00:00:00Z");
    int alarms = 0;
    for (int week = 0; week < 3; week++) {
      for (int minute = 0; minute < 7 * 24 * 60; minute++) {
        Instant at = monday.plusSeconds(60L * (week * 7 * 24 * 60 + minute));
        int hour = (minute / 60) % 24;
        double mean =
            8
                + 30
                    * Math.max(
                        0, Math.sin(Math.PI * (hour - 6) / 16.0)); // busy by day, quiet at night
        long count = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        if (judge.observe(baseline, at, count).anomalous() && week > 0) {
          alarms++;
        }
      }
    }
    assertThat(alarms).isZero();
  }

  @Test
  void hourOfWeekStartsOnMondayUtc() {
    assertThat(HourOfWeek.of(Instant.parse("2024-01-01T00:30:00Z"))).isZero();
    assertThat(HourOfWeek.of(Instant.parse("2021-10-04T15:40:00Z"))).isEqualTo(15);
    assertThat(HourOfWeek.of(Instant.parse("2024-01-07T23:59:00Z"))).isEqualTo(167);
  }
}
