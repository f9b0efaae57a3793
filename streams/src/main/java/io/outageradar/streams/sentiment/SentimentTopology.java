package io.outageradar.streams.sentiment;

import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.sentiment.SentimentScore;
import io.outageradar.streams.EventTimeExtractor;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * User reports → scored reports: each report with the compound, pos, neu and neg scores of its
 * text and the language they were scored in (the report's own, else guessed). Stateless and
 * key-preserving, so the report topology downstream still sees every reporter of a region in one task.
 */
public final class SentimentTopology {
  private SentimentTopology() {}

  public static Topology build(SentimentAnalyzer analyzer, Topics topics) {
    Topic<String, UserReport> in = topics.userReports;
    Topic<String, ScoredReport> out = topics.scoredReports;
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde())
            .withTimestampExtractor(new EventTimeExtractor<>(UserReport.class, UserReport::getReportedAt))
            .withName("user-reports-source"))
        .mapValues(report -> score(analyzer, report), Named.as("score-sentiment"))
        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("scored-reports-sink"));
    return builder.build();
  }

  static ScoredReport score(SentimentAnalyzer analyzer, UserReport report) {
    SentimentScore score = analyzer.analyze(report.getText(), report.getLang());
    return ScoredReport.newBuilder()
        .setReport(report)
        .setCompound(score.compound()).setPos(score.pos()).setNeu(score.neu()).setNeg(score.neg())
        .setLang(score.lang())
        .build();
  }
}
