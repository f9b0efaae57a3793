package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The language guess on short texts (3 to 8 words, at least 200 per language, short-texts.tsv),
 * without a region to settle ties: at least 95 % right in each language.
 */
class ShortTextLanguageTest {
  @Test
  void atLeastNinetyFivePercentRightInEachLanguage() throws IOException {
    Map<String, List<String>> byLanguage = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream("/short-texts.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t");
          byLanguage.computeIfAbsent(fields[0], l -> new ArrayList<>()).add(fields[1]);
        }
      }
    }
    assertThat(byLanguage.keySet()).containsExactly("en", "es", "pt");
    Map<String, String> judged = new TreeMap<>();
    byLanguage.forEach(
        (lang, texts) -> {
          assertThat(texts).as(lang).hasSizeGreaterThanOrEqualTo(200);
          List<String> missed =
              texts.stream()
                  .filter(text -> !SentimentAnalyzer.standard().languageOf(text, null).equals(lang))
                  .toList();
          double right = 1.0 - (double) missed.size() / texts.size();
          assertThat(right).as("%s right; missed: %s", lang, missed).isGreaterThanOrEqualTo(0.95);
          judged.put(lang, String.format("%.3f", right));
        });
    assertThat(judged).as("every language judged").hasSize(3);
  }
}
