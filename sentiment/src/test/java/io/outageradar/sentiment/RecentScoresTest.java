package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A score remembered is the score of the same text, hint and region, and memory is bounded. */
class RecentScoresTest {
  private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

  @Test
  void theSameTextFromAnotherRegionOrWithAnotherHintIsScoredForIt() {
    assertThat(analyzer.analyze("whatsapp", null, "BR").lang()).isEqualTo("pt");
    assertThat(analyzer.analyze("whatsapp", null, "MX").lang()).isEqualTo("es");
    assertThat(analyzer.analyze("whatsapp", "en", "BR").lang()).isEqualTo("en");
    assertThat(analyzer.analyze("whatsapp", null, "BR").lang()).isEqualTo("pt");
  }

  @Test
  void aRememberedScoreEqualsAScoreAnew() {
    List<String> texts =
        List.of(
            "WhatsApp is DOWN!!! can't send anything",
            "o zap caiu!!!",
            "se cayó instagram otra vez 😤",
            "is it down for anyone else?");
    for (String text : texts) {
      SentimentScore first = analyzer.analyze(text, null, "BR");
      assertThat(analyzer.analyze(text, null, "BR")).isEqualTo(first);
      // a thread of its own remembers nothing yet, so it scores the text anew
      assertThat(CompletableFuture.supplyAsync(() -> analyzer.analyze(text, null, "BR")).join())
          .isEqualTo(first);
    }
  }

  @Test
  void aThreadRemembersAtMostItsCapacityAndNoLongTexts() {
    CompletableFuture.runAsync(
            () -> {
              analyzer.analyze("x".repeat(RecentScores.LONGEST_REMEMBERED + 1));
              assertThat(analyzer.remembered()).isZero();
              IntStream.rangeClosed(0, RecentScores.CAPACITY)
                  .forEach(i -> analyzer.analyze("down again, day " + i));
              assertThat(analyzer.remembered()).isEqualTo(RecentScores.CAPACITY);
            })
        .join();
  }
}
