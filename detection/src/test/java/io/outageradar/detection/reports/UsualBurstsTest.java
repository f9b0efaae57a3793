package io.outageradar.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.state.ReportBaselineState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class UsualBurstsTest {
  private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");
  private static final int WEEK = 7 * 24 * 60;

  private final ReportDetectionConfig config = ReportDetectionConfig.defaults();
  private final ReportBaseline judge = new ReportBaseline(config);
  private final ReportBaselineState baseline = ReportBaseline.empty();
  private final SplittableRandom random = new SplittableRandom(5);

  @Test
  void aBurstySeriesWithoutAnOutageConfirmsNothingOnceItsBurstsAreKnown() {
    List<ReportScorer.Score> scores = bursty(2 * WEEK, 0, 0);
    List<ReportScorer.Score> secondWeek = scores.subList(WEEK, scores.size());

    long raised = secondWeek.stream().filter(score -> score.z() >= config.zThreshold()).count();
    assertThat(raised).as("minutes far above the median in the second week").isGreaterThan(200);
    assertThat(secondWeek.stream().filter(ReportScorer.Score::anomalous).count())
        .as("anomalous minutes in the second week")
        .isLessThanOrEqualTo(raised / 20);
    assertThat(runs(secondWeek, ReportScorer.Score::anomalous, config.confirmMinutes()))
        .as("runs of anomalous minutes that would confirm an outage")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void anOutageHigherThanTheUsualBurstsIsAnomalousFromItsFirstMinute() {
    List<ReportScorer.Score> scores = bursty(2 * WEEK, 10, 90);
    assertThat(scores.subList(2 * WEEK - 90, 2 * WEEK)).allMatch(ReportScorer.Score::anomalous);
  }

  @Test
  void anOutageAsHighAsTheUsualBurstsIsAnomalousOnceItOutlastsThem() {
    List<ReportScorer.Score> outage = bursty(2 * WEEK, 3, 90).subList(2 * WEEK - 90, 2 * WEEK);
    assertThat(outage.subList(UsualBursts.LONGEST_BURST_MINUTES, 90))
        .as("raised minutes after the longest a burst can be")
        .filteredOn(score -> score.z() >= config.zThreshold())
        .isNotEmpty()
        .allMatch(ReportScorer.Score::anomalous);
    assertThat(runs(outage, ReportScorer.Score::anomalous, config.confirmMinutes()))
        .as("runs that confirm an outage")
        .isPositive();
  }

  @Test
  void aSurgeThatLastsIsNeverLearnedAsABurst() {
    List<Boolean> first = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    for (int minute = 0; minute < WEEK; minute++) {
      int day = minute / 1440;
      boolean firstSurge = day == 3 && minute % 1440 >= 600 && minute % 1440 < 660;
      boolean secondSurge = day == 5 && minute % 1440 >= 600 && minute % 1440 < 660;
      long count = poisson(firstSurge || secondSurge ? 200 : 10);
      boolean anomalous =
          judge.observe(baseline, MONDAY.plusSeconds(60L * minute), count).anomalous();
      if (firstSurge) {
        first.add(anomalous);
      } else if (secondSurge) {
        second.add(anomalous);
      }
    }
    assertThat(baseline.getBursts()).allMatch(burst -> burst.getPeakZ() < 20);
    assertThat(first).allMatch(anomalous -> anomalous);
    assertThat(second).allMatch(anomalous -> anomalous);
  }

  @Test
  void anOrdinaryMinuteScoresBelowTheAlarm() {
    bursty(WEEK, 0, 0);
    ReportScorer.Score raised =
        new ReportScorer(config).score(60, List.of(), List.of(10, 10, 10, 10, 10, 10));
    assertThat(raised.score()).isGreaterThan(0.5);
    ReportScorer.Score ordinary = raised.notAnomalous();
    assertThat(ordinary.anomalous()).isFalse();
    assertThat(ordinary.score()).isLessThan(0.5);
    assertThat(ordinary.z()).isEqualTo(raised.z());
  }

  /**
   * A count series at 12 reporters a minute with bursts (1 % of minutes start one, 1 to 10 minutes
   * long, 1.5 to 4 times the rate), ending with {@code outageMinutes} at {@code outageFactor} times
   * the rate; the verdict on each minute.
   */
  private List<ReportScorer.Score> bursty(int minutes, double outageFactor, int outageMinutes) {
    List<ReportScorer.Score> scores = new ArrayList<>();
    int burstLeft = 0;
    double burst = 1;
    for (int minute = 0; minute < minutes; minute++) {
      if (burstLeft == 0 && random.nextDouble() < 0.01) {
        burstLeft = 1 + random.nextInt(10);
        burst = 1.5 + random.nextDouble() * 2.5;
      }
      double factor = burstLeft > 0 ? burst : 1;
      burstLeft = Math.max(0, burstLeft - 1);
      if (minute >= minutes - outageMinutes) {
        factor = outageFactor;
      }
      long count = poisson(12 * factor);
      scores.add(judge.observe(baseline, MONDAY.plusSeconds(60L * minute), count));
    }
    return scores;
  }

  /** Runs of at least {@code length} consecutive minutes that are {@code what}. */
  private static int runs(
      List<ReportScorer.Score> scores, Predicate<ReportScorer.Score> what, int length) {
    int runs = 0;
    int run = 0;
    for (ReportScorer.Score score : scores) {
      run = what.test(score) ? run + 1 : 0;
      if (run == length) {
        runs++;
      }
    }
    return runs;
  }

  private long poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
