package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A language layer on its own labelled outage texts (labelled/{lang}.tsv, at least 60: complaints,
 * neutral questions, relief, praise), language guessed: at least 85 % in the right class (neg ≤
 * −0.05 &lt; neu &lt; 0.05 ≤ pos) and at least 95 % guessed as the language.
 */
class LanguageLayerAccuracyTest {
  private record Labelled(String expected, String text) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fr", "de", "it", "id", "tr", "hi"})
  void scoresItsLabelledTexts(String lang) throws IOException {
    List<Labelled> texts = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/labelled/" + lang + ".tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t");
          texts.add(new Labelled(fields[0], fields[1]));
        }
      }
    }
    assertThat(texts).hasSizeGreaterThanOrEqualTo(60);
    List<String> wrongClass = new ArrayList<>();
    List<String> wrongLanguage = new ArrayList<>();
    for (Labelled text : texts) {
      SentimentScore score = SentimentAnalyzer.standard().analyze(text.text());
      double c = score.compound();
      String got = c <= -0.05 ? "neg" : c >= 0.05 ? "pos" : "neu";
      if (!got.equals(text.expected())) {
        wrongClass.add(text.text() + " (" + c + ")");
      }
      if (!score.lang().equals(lang)) {
        wrongLanguage.add(text.text() + " (" + score.lang() + ")");
      }
    }
    assertThat(1.0 - (double) wrongClass.size() / texts.size())
        .as("share in the right class; missed: %s", wrongClass)
        .isGreaterThanOrEqualTo(0.85);
    assertThat(1.0 - (double) wrongLanguage.size() / texts.size())
        .as("share guessed as %s; missed: %s", lang, wrongLanguage)
        .isGreaterThanOrEqualTo(0.95);
  }
}
