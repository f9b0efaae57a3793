package io.outageradar.tools.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorTailTest {
  @Test
  void quantilesOfTheErrorsWithinAQuarterOctave() {
    ErrorTail tail = new ErrorTail(100_000);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      tail.add(random.nextGaussian() * 3);
    }
    // |N(0, 3)|: median 2.02, 99th percentile 7.73; a bucket's upper edge is at most 19 % above
    assertThat(tail.quantile(0.5)).isBetween(2.02, 2.02 * 1.19);
    assertThat(tail.quantile(0.99)).isBetween(7.73, 7.73 * 1.19);
  }

  @Test
  void oldErrorsFade() {
    ErrorTail tail = new ErrorTail(100);
    for (int i = 0; i < 1_000; i++) {
      tail.add(1_000);
    }
    for (int i = 0; i < 1_000; i++) {
      tail.add(1);
    }
    assertThat(tail.quantile(0.99)).isCloseTo(1.0, within(0.2));
  }

  @Test
  void aFlatSeriesHasNoErrorAndManyErrorsDoNotOverflow() {
    ErrorTail tail = new ErrorTail(10);
    for (int i = 0; i < 100_000; i++) {
      tail.add(0);
    }
    assertThat(tail.quantile(0.99)).isZero();
    tail.add(5);
    assertThat(tail.quantile(1.0)).isBetween(5.0, 5.0 * 1.19);
  }
}
