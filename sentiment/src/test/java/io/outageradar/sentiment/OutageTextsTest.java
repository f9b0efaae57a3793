package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hard classes of short outage reports, in English, Portuguese and Spanish, each text labelled
 * by hand (outage-texts.tsv): availability questions, failure verbs and idioms, "no" + a
 * connectivity word, "no problem" and double negation, thanks and praise, and a negator spent on
 * its failure verb before a negative word. Scored with the language guessed, as the pipeline does
 * when a report carries none.
 */
class OutageTextsTest {
  private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.standard();

  record Labelled(String lang, String kind, String expected, String text) {
    @Override
    public String toString() {
      return lang + " " + kind + ": " + text;
    }
  }

  static Stream<Labelled> texts() throws IOException {
    try (InputStream in = OutageTextsTest.class.getResourceAsStream("/outage-texts.tsv")) {
      List<String> lines =
          List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
      return lines.stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .map(f -> new Labelled(f[0], f[1], f[2], f[3]))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void scoresInItsClass(Labelled text) {
    SentimentScore score = ANALYZER.analyze(text.text());
    assertThat(score.lang()).as("language guessed").isEqualTo(text.lang());
    assertThat(polarity(score.compound()))
        .as("compound %s", score.compound())
        .isEqualTo(text.expected());
  }

  private static String polarity(double compound) {
    return compound <= -0.05 ? "neg" : compound >= 0.05 ? "pos" : "neu";
  }
}
