package io.outageradar.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pacing only ever holds back: the lower bounds below are what it promises; no upper bound is
 * asserted.
 */
class PacingTest {
  private static Duration timeToSend(Pacing pacing, int events, Duration eventSpacing) {
    Instant eventTime = Instant.parse("2021-10-04T15:00:00Z");
    long start = System.nanoTime();
    for (int i = 0; i < events; i++) {
      pacing.await(eventTime);
      eventTime = eventTime.plus(eventSpacing);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aRateSpacesEventsEvenlyWhateverTheirEventTimes() {
    // 2,001 events at 10,000/s: the last is due 200 ms after the first
    assertThat(timeToSend(Pacing.rate(10_000), 2_001, Duration.ZERO))
        .isGreaterThanOrEqualTo(Duration.ofMillis(199));
  }

  @Test
  void aSpeedFollowsEventTime() {
    // events a minute apart at 600 times real time: 100 ms apart; three gaps
    assertThat(timeToSend(Pacing.speed(600), 4, Duration.ofMinutes(1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(299));
  }

  @Test
  void zeroMeansUnpaced() {
    // paced, events an hour apart would take hours; 100 calls to a counter would take a millisecond
    assertThat(timeToSend(Pacing.speed(0), 100, Duration.ofHours(1)))
        .isLessThan(Duration.ofSeconds(1));
    assertThat(timeToSend(Pacing.rate(0), 100, Duration.ZERO)).isLessThan(Duration.ofSeconds(1));
  }
}
