package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TextShapeTest {
  @Test
  void asciiSpacesAreThoseOfPythonsIsspace() {
    // str.isspace() in Python 3 is true for exactly these ASCII characters
    Set<Integer> python = Set.of(0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20);
    for (int c = 0; c < 0x80; c++) {
      assertThat(TextShape.isSpace(c)).as("U+%04X", c).isEqualTo(python.contains(c));
    }
    assertThat(TextShape.isSpace(0xa0)).as("no-break space").isTrue();
    assertThat(TextShape.isSpace(0x85)).as("next line").isTrue();
    assertThat(TextShape.isSpace('ã')).isFalse();
  }
}
