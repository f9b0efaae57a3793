package io.outageradar.detection.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.sentiment.SentimentAnalyzer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A report scored on its own; the stage that does it per record is tested in streams. */
class SentimentScoringTest {
  private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.standard();

  private static UserReport report(String region, String text, String lang) {
    return UserReport.newBuilder()
        .setReportId("r1")
        .setService("whatsapp")
        .setRegion(region)
        .setReporterId("u1")
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText(text)
        .setLang(lang)
        .setReportedAt(Instant.parse("2021-10-04T15:42:00Z"))
        .setSentiment(null)
        .build();
  }

  @Test
  void theScoredReportCarriesTheReportWholeAndTheScoresOfItsText() {
    UserReport report = report("BR", "o zap caiu de novo!!!", null);

    ScoredReport scored = SentimentScoring.score(ANALYZER, report);

    assertThat(scored.getReport()).isEqualTo(report);
    assertThat(scored.getLang()).as("guessed from the text and the region").isEqualTo("pt");
    assertThat(scored.getCompound()).isEqualTo(-0.5684);
    assertThat(scored.getPos() + scored.getNeu() + scored.getNeg()).isCloseTo(1.0, offset(0.002));
  }

  @Test
  void theReportsOwnLanguageIsKeptAsItsBaseLanguage() {
    ScoredReport scored =
        SentimentScoring.score(ANALYZER, report("MX", "whatsapp no funciona", "es-MX"));

    assertThat(scored.getLang()).isEqualTo("es");
    assertThat(scored.getCompound()).isLessThan(-0.3);
  }

  @Test
  void anEmptyTextIsNeutral() {
    assertThat(SentimentScoring.score(ANALYZER, report("US", "", "en")).getCompound()).isZero();
  }
}
