package io.outageradar.tools.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.tools.evaluation.GeneratedSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(5);

  /** Scores {@code points} points of a series, every 5 minutes. */
  private static List<SeriesDetector.Score> run(int points, IntToDoubleFunction value) {
    SeriesDetector detector = new SeriesDetector(SeriesDetectorConfig.defaults());
    List<SeriesDetector.Score> scores = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      scores.add(detector.observe(T0.plus(STEP.multipliedBy(i)), value.applyAsDouble(i)));
    }
    return scores;
  }

  private static List<Integer> alerts(List<SeriesDetector.Score> scores) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      if (scores.get(i).alert()) {
        at.add(i);
      }
    }
    return at;
  }

  @Test
  void normalNoiseScoresLowAndASpikeScoresHigherTheBiggerItIs() {
    SplittableRandom random = new SplittableRandom(1);
    double[] noise = random.doubles(2_000).map(u -> 50 + (u - 0.5) * 10).toArray();
    noise[1_500] = 75;
    noise[1_700] = 120;

    List<SeriesDetector.Score> scores = run(noise.length, i -> noise[i]);

    assertThat(alerts(scores)).containsExactly(1_500, 1_700);
    assertThat(scores.get(1_700).score()).isGreaterThan(scores.get(1_500).score());
    double typical =
        scores.subList(100, 1_400).stream()
            .mapToDouble(SeriesDetector.Score::score)
            .average()
            .orElseThrow();
    assertThat(typical).as("a normal point scores low").isLessThan(0.25);
  }

  @Test
  void aLevelShiftAlertsOnceAndTheNewLevelIsNormalSoon() {
    SplittableRandom random = new SplittableRandom(2);
    List<SeriesDetector.Score> scores =
        run(1_000, i -> (i < 600 ? 10 : -40) + random.nextGaussian());

    List<Integer> alerts = alerts(scores);
    assertThat(alerts)
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i).isBetween(600, 600 + SeriesDetector.SHIFT_POINTS));
    assertThat(alerts.get(0)).isEqualTo(600);
  }

  @Test
  void aSurgeThatEndsDoesNotMakeItsEndASecondAnomaly() {
    List<SeriesDetector.Score> scores = run(800, i -> i >= 500 && i < 520 ? 400 : 20 + i % 5);

    assertThat(alerts(scores)).isNotEmpty().allSatisfy(i -> assertThat(i).isBetween(500, 519));
  }

  @Test
  void aDailyPatternIsExpectedOnceSeenAndABreakInItIsNot() {
    int day = 288;
    SplittableRandom random = new SplittableRandom(3);
    List<SeriesDetector.Score> scores =
        run(
            6 * day,
            i -> {
              double pattern = 100 + 60 * Math.sin(2 * Math.PI * (i % day) / day);
              // on day 5 the midday peak does not come
              boolean missing = i / day == 5 && i % day > 60 && i % day < 80;
              return (missing ? 100 : pattern) + random.nextGaussian() * 2;
            });

    List<Integer> alerts = alerts(scores);
    assertThat(alerts.stream().filter(i -> i >= 3 * day && (i < 5 * day + 60 || i > 5 * day + 80)))
        .as("no alert on the normal days once the pattern is known")
        .isEmpty();
    assertThat(alerts).anySatisfy(i -> assertThat(i).isBetween(5 * day + 60, 5 * day + 80));
  }

  @Test
  void sparseCountsAreNotAlarmingAtEveryOne() {
    SplittableRandom random = new SplittableRandom(4);
    List<SeriesDetector.Score> scores =
        run(
            3_000,
            i ->
                i == 2_500
                    ? 12
                    : (random.nextInt(10) < 3 ? 1 : 0) + (random.nextInt(50) == 0 ? 1 : 0));

    assertThat(alerts(scores)).containsExactly(2_500);
  }

  @Test
  void negativeAndDecimalValuesWork() {
    List<SeriesDetector.Score> scores = run(500, i -> i == 400 ? 3.5 : -0.25 + (i % 7) * 0.01);

    assertThat(alerts(scores)).containsExactly(400);
  }

  @Test
  void theSameSeriesGivesTheSameScores() {
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    assertThat(run(1_000, i -> a.nextGaussian())).isEqualTo(run(1_000, i -> b.nextGaussian()));
  }

  @Test
  void aPlateauLastingHundredsOfPointsAlarmsOnceAndItsEndIsNoSecondAlarm() {
    SplittableRandom random = new SplittableRandom(11);
    List<SeriesDetector.Score> scores =
        run(2_000, i -> 50 + random.nextGaussian() * 2 + (i >= 1_000 && i < 1_300 ? 20 : 0));

    assertThat(alerts(scores)).containsExactly(1_000);
    assertThat(scores.subList(1_001, 2_000))
        .as("every point of the plateau and after it scores below an alarm")
        .allSatisfy(score -> assertThat(score.score()).isLessThan(0.5));
  }

  @Test
  void aBurstySeriesKeepsItsUsualBurstsUsualAfterAQuietStretch() {
    SplittableRandom random = new SplittableRandom(12);
    int[] burstLeft = {0};
    double[] burst = {1};
    List<SeriesDetector.Score> scores =
        run(
            6_000,
            i -> {
              if (burstLeft[0] > 0) {
                burstLeft[0]--;
              } else if (random.nextInt(100) == 0) {
                burstLeft[0] = 1 + random.nextInt(10);
                burst[0] = 1.5 + random.nextDouble() * 2.5;
              } else {
                burst[0] = 1;
              }
              return GeneratedSeries.poisson(random, 12 * burst[0]);
            });

    // ~60 bursts of 1.5-4 times the usual rate: the series' normal, not 60 incidents
    assertThat(alerts(scores).size()).isLessThanOrEqualTo(3);
  }

  @Test
  void aValueFlatForDaysThenNoisyAlarmsAtMostOnceWhenTheNoiseStarts() {
    SplittableRandom random = new SplittableRandom(13);
    List<SeriesDetector.Score> scores =
        run(3_000, i -> i < 1_000 ? 42 : 42 + random.nextGaussian() * 2);

    assertThat(alerts(scores)).hasSizeLessThanOrEqualTo(1);
    assertThat(scores.stream().filter(s -> s.score() >= 0.99).count()).isLessThanOrEqualTo(1);
  }

  @Test
  void aGaugeThatMovesInStepsOfItsResolutionIsNotAlarmingAtEachStep() {
    SplittableRandom random = new SplittableRandom(14);
    // a percentage read to one decimal, moving by 0.1 now and then
    List<SeriesDetector.Score> scores =
        run(3_000, i -> 12.5 + (random.nextInt(20) == 0 ? 0.1 : 0) + (i == 2_500 ? 5 : 0));

    assertThat(alerts(scores)).containsExactly(2_500);
  }

  @Test
  void onOrdinaryNoiseAnAlarmIsRareAndANearCertainScoreAbsent() {
    SplittableRandom random = new SplittableRandom(15);
    List<SeriesDetector.Score> scores = run(20_000, i -> 100 + random.nextGaussian() * 10);

    long alarms = scores.stream().filter(s -> s.score() >= 0.5).count();
    assertThat(alarms).as("fewer than 0.2 %% of points").isLessThan(40);
    assertThat(scores).noneSatisfy(s -> assertThat(s.score()).isGreaterThanOrEqualTo(0.99));
  }
}
