package io.outageradar.producers.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {
  private static IdempotencyCache.Remembered answer(int size) {
    return new IdempotencyCache.Remembered(
        new byte[32],
        new ReportIntakeServer.Answer(202, JsonNodeFactory.instance.objectNode(), 0),
        size);
  }

  @Test
  void forgetsTheLeastRecentlyUsedAnswersToStayWithinItsBytes() {
    IdempotencyCache cache =
        new IdempotencyCache(10_000); // room for two answers of 2,000 characters
    cache.put("a", answer(2_000));
    cache.put("b", answer(2_000));
    cache.get("a"); // used: b is now the oldest
    cache.put("c", answer(2_000));

    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isNotNull();
    assertThat(cache.get("c")).isNotNull();
    assertThat(cache.bytes()).isLessThanOrEqualTo(10_000);
  }

  @Test
  void hugeKeysCountWithTheirSize() {
    IdempotencyCache cache = new IdempotencyCache(1_000_000);
    for (int i = 0; i < 100; i++) {
      cache.put(i + "k".repeat(100_000), answer(10));
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000);
    assertThat(cache.get("99" + "k".repeat(100_000))).isNotNull();
  }
}
