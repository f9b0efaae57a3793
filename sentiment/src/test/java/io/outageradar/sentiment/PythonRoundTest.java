package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast rounding gives exactly what rounding the exact binary value half-even gives. */
class PythonRoundTest {
  private static double exact(double value, int places) {
    return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }

  @Test
  void agreesWithTheExactRoundingOnScoresAndTies() {
    SplittableRandom random = new SplittableRandom(17);
    for (int n = 0; n < 200_000; n++) {
      double value = random.nextDouble(-1, 1);
      for (int places = 0; places <= 4; places++) {
        assertThat(Vader.round(value, places))
            .as("%s to %d", value, places)
            .isEqualTo(exact(value, places));
      }
    }
    // decimal ties as written are not ties in binary: 0.0005 is a little above, 0.0015 below
    double[] nearTies = {
      0.0005, 0.0015, 0.0025, 0.00035, 0.12345, -0.12345, 0.5, -0.5, 2.675, 1.0, -1.0
    };
    for (double value : nearTies) {
      for (int places = 0; places <= 4; places++) {
        assertThat(Vader.round(value, places))
            .as("%s to %d", value, places)
            .isEqualTo(exact(value, places));
      }
    }
  }

  @Test
  void negativeZeroRoundsToZero() {
    assertThat(Double.doubleToLongBits(Vader.round(-0.0, 3)))
        .isEqualTo(Double.doubleToLongBits(0.0));
    assertThat(Double.doubleToLongBits(Vader.round(-0.00001, 4)))
        .isEqualTo(Double.doubleToLongBits(0.0));
  }
}
