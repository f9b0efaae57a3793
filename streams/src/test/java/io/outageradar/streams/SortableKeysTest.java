package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SortableKeysTest {
  @Test
  void numbersArePaddedToTheWidthSoThatStringOrderIsNumericOrder() {
    assertThat(SortableKeys.padded(0, 5)).isEqualTo("00000");
    assertThat(SortableKeys.padded(42, 5)).isEqualTo("00042");
    assertThat(SortableKeys.padded(1_633_362_000_000L, SortableKeys.MILLIS_WIDTH))
        .isEqualTo("001633362000000");

    List<String> keys =
        Stream.of(9L, 10L, 1_000L, 99L).map(n -> SortableKeys.padded(n, 4)).sorted().toList();
    assertThat(keys).containsExactly("0009", "0010", "0099", "1000");
  }

  @Test
  void negativeNumbersCountAsZeroAndWiderNumbersKeepEveryDigit() {
    assertThat(SortableKeys.padded(-7, 3)).isEqualTo("000");
    assertThat(SortableKeys.padded(123_456, 3)).isEqualTo("123456");
  }
}
