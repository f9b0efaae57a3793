package io.outageradar.streams.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring stage: every report scored once, its key and event time kept. */
class SentimentScoringTopologyTest {
  private static final String SCOPE = SentimentScoringTopologyTest.class.getName();
  private static final Instant T0 = Instant.parse("2021-10-04T15:42:00Z");

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private static UserReport report(String id, String region, String text, String lang, Instant at) {
    return UserReport.newBuilder()
        .setReportId(id)
        .setService("whatsapp")
        .setRegion(region)
        .setReporterId("u-" + id)
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText(text)
        .setLang(lang)
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }

  @Test
  void scoresEachReportInItsLanguageKeepingKeyAndEventTime() {
    try (DetectionDriver detection = new DetectionDriver(topics, stateDir)) {
      TopologyTestDriver driver = detection.driver();
      TestInputTopic<String, UserReport> in =
          driver.createInputTopic(
              topics.userReports.name(),
              topics.userReports.keySerde().serializer(),
              topics.userReports.valueSerde().serializer());
      // the record timestamp (when Kafka got it) is later than the event time: event time wins
      in.pipeInput(
          new TestRecord<>(
              "whatsapp|BR",
              report("1", "BR", "o zap caiu de novo!!!", null, T0),
              T0.plusSeconds(90)));
      in.pipeInput(
          new TestRecord<>(
              "whatsapp|MX",
              report("2", "MX", "whatsapp no funciona", "es-MX", T0.plusSeconds(1)),
              T0.plusSeconds(1)));
      in.pipeInput(
          new TestRecord<>(
              "whatsapp|US", report("3", "US", "", "en", T0.plusSeconds(2)), T0.plusSeconds(2)));

      List<TestRecord<String, ScoredReport>> out =
          driver
              .createOutputTopic(
                  topics.scoredReports.name(),
                  topics.scoredReports.keySerde().deserializer(),
                  topics.scoredReports.valueSerde().deserializer())
              .readRecordsToList();

      assertThat(out)
          .extracting(TestRecord::key)
          .containsExactly("whatsapp|BR", "whatsapp|MX", "whatsapp|US");
      assertThat(out)
          .extracting(TestRecord::getRecordTime)
          .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
      // each scored in its language (the scores themselves: detection's SentimentScoringTest)
      assertThat(out.get(0).value().getReport().getReportId()).isEqualTo("1");
      assertThat(out)
          .extracting(record -> record.value().getLang())
          .containsExactly("pt", "es", "en");
      assertThat(out.get(0).value().getCompound()).isNegative();
    }
  }
}
