package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with the reference implementation to the last printed digit, on 323 texts that mix
 * every rule at once (the hand-worked tests take them one at a time).
 */
class VaderReferenceScoresTest {
  static Stream<Arguments> referenceScores() throws IOException {
    try (InputStream in =
        VaderReferenceScoresTest.class.getResourceAsStream("/vader-reference-scores.tsv")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .toList();
      assertThat(lines).hasSize(323);
      return lines.stream()
          .map(
              line -> {
                String[] columns = line.split("\t", 5);
                double[] expected =
                    Arrays.stream(columns, 0, 4).mapToDouble(Double::parseDouble).toArray();
                return Arguments.of(columns[4], expected);
              });
    }
  }

  @ParameterizedTest
  @MethodSource("referenceScores")
  void scoresAsTheReferenceDoes(String text, double[] expected) {
    SentimentScore score = SentimentAnalyzer.standard().vader(text);
    assertThat(new double[] {score.compound(), score.pos(), score.neu(), score.neg()})
        .containsExactly(expected);
  }
}
