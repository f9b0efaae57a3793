package io.outageradar.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScoreTest {
  private static final NabScore.Profile STANDARD = NabScore.PROFILES.get(0);

  /** 1,000 points, one label at 500: a window of 100 points, 450..550; probation 150. */
  private static NabScore.Result score(int... detections) {
    double[] scores = new double[1_000];
    for (int at : detections) {
      scores[at] = 1.0;
    }
    return NabScore.score(List.of(new NabScore.Scored(1_000, new int[] {500}, scores)), STANDARD);
  }

  @Test
  void detectingTheWindowAtItsStartIsPerfectAndNothingIsZero() {
    assertThat(score(450).score()).isCloseTo(100.0, within(1e-9));
    assertThat(score().score()).isZero();
  }

  @Test
  void laterInTheWindowEarnsLessAndOnlyTheEarliestDetectionCounts() {
    double early = score(460).score();
    double late = score(540).score();
    assertThat(early).isGreaterThan(late).isGreaterThan(0);
    assertThat(score(460, 470, 540).score()).isCloseTo(early, within(1e-9));
  }

  @Test
  void falsePositivesCostAndThoseInTheProbationaryPeriodDoNot() {
    double clean = score(460).score();
    assertThat(score(460, 900).score()).isLessThan(clean);
    assertThat(score(460, 100).score()).isCloseTo(clean, within(1e-9));
    assertThat(score(460, 900).falsePositives()).isEqualTo(1);
  }

  @Test
  void theThresholdIsChosenToMaximiseTheTotal() {
    double[] scores = new double[1_000];
    scores[460] = 0.8;
    scores[700] = 0.6; // a false positive below the detection: the best threshold leaves it out
    NabScore.Result result =
        NabScore.score(List.of(new NabScore.Scored(1_000, new int[] {500}, scores)), STANDARD);
    assertThat(result.threshold()).isEqualTo(0.8);
    assertThat(result.falsePositives()).isZero();
    assertThat(result.detected()).isEqualTo(1);
  }
}
