package io.outageradar.producers.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void allowsABurstThenRefillsAtTheRateAndSaysWhenToRetry() {
    AtomicLong nanos = new AtomicLong();
    TokenBucket bucket = new TokenBucket(2, 4, nanos::get);
    for (int i = 0; i < 4; i++) {
      assertThat(bucket.tryTake("k", 1)).isZero();
    }
    assertThat(bucket.tryTake("k", 1)).as("retry after, in seconds").isEqualTo(1);
    assertThat(bucket.tryTake("other", 1)).as("clients do not share buckets").isZero();

    nanos.addAndGet(500_000_000L); // half a second earns one token at 2/s
    assertThat(bucket.tryTake("k", 1)).isZero();
    assertThat(bucket.tryTake("k", 1)).isEqualTo(1);
  }
}
