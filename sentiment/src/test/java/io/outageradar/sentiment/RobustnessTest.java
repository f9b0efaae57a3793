package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RobustnessTest {
  private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

  @Test
  void emptyOrBlankTextIsNeutralNotAnError() {
    for (String text : new String[] {"", "   ", " \t\n\u00a0", null}) {
      SentimentScore score = analyzer.analyze(text);
      assertThat(score.compound()).isZero();
      assertThat(score.pos() + score.neg()).isZero();
      assertThat(analyzer.vader(text).compound()).isZero();
    }
  }

  @Test
  void invalidUtf8DecodesToReplacementCharactersAndScores() {
    byte[] broken = {'d', 'o', 'w', 'n', ' ', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, '!', '!'};
    String text = new String(broken, StandardCharsets.UTF_8);
    assertThat(text).contains("\ufffd");
    assertThat(analyzer.analyze(text).compound()).isNegative();
    // a lone surrogate, which no decoder produces but a careless producer might
    assertThat(analyzer.analyze("down \ud83d here").compound()).isNegative();
  }

  @Test
  void aHugeTextIsScoredOnItsFirst2000Characters() {
    String start = "instagram is down!!! ";
    String huge = start + "lovely wonderful amazing ".repeat(100_000 / 25);
    assertThat(huge.length()).isGreaterThan(100_000);
    assertThat(analyzer.analyze(huge))
        .isEqualTo(analyzer.analyze(huge.substring(0, SentimentAnalyzer.MAX_TEXT_LENGTH)));
  }

  @Test
  void theCutNeverSplitsAnEmoji() {
    String text = "a".repeat(SentimentAnalyzer.MAX_TEXT_LENGTH - 1) + "😁";
    assertThat(SentimentAnalyzer.truncate(text)).hasSize(SentimentAnalyzer.MAX_TEXT_LENGTH - 1);
  }

  @Test
  void sharedAcrossThreadsItGivesTheSameScores() throws Exception {
    List<String> texts =
        List.of(
            "o zap caiu de novo!!!",
            "The food was good, but the service was terrible.",
            "instagram not working AGAIN, lost sales",
            "el whatsapp volvió 😁",
            "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!");
    List<SentimentScore> sequential = texts.stream().map(analyzer::analyze).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<SentimentScore>>> runs =
          IntStream.range(0, 64)
              .mapToObj(run -> pool.submit(() -> texts.stream().map(analyzer::analyze).toList()))
              .toList();
      for (Future<List<SentimentScore>> run : runs) {
        assertThat(run.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
