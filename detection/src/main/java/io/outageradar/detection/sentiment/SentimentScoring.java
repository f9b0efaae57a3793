package io.outageradar.detection.sentiment;

import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.sentiment.SentimentScore;

/**
 * A user report → the scored report: the compound, pos, neu and neg scores of its text and the
 * language they were scored in (the report's own, else guessed). Stateless and key-preserving.
 */
public final class SentimentScoring {
  private SentimentScoring() {}

  public static ScoredReport score(SentimentAnalyzer analyzer, UserReport report) {
    SentimentScore score = analyzer.analyze(report.getText(), report.getLang(), report.getRegion());
    return ScoredReport.newBuilder()
        .setReport(report)
        .setCompound(score.compound())
        .setPos(score.pos())
        .setNeu(score.neu())
        .setNeg(score.neg())
        .setLang(score.lang())
        .build();
  }
}
