package io.outageradar.streams.impact;

import static io.outageradar.testkit.Outages.outage;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.RegionImpact;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionImpactStageTest {
  private static final String SCOPE = RegionImpactStageTest.class.getName();
  private static final RevenueTable REVENUE = RevenueTable.parse("whatsapp|BR=25000.00 BRL");

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private List<RegionImpact> read(TopologyTestDriver driver, String topic) {
    return driver
        .createOutputTopic(
            topic,
            topics.regionImpact.keySerde().deserializer(),
            topics.regionImpact.valueSerde().deserializer())
        .readValuesToList();
  }

  @Test
  void eachRegionOfAnOutageGetsItsImpactOnItsOwnTopicAndTheTable() {
    try (DetectionDriver detection =
        new DetectionDriver(
            topics,
            stateDir,
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults(),
            AlertConfig.defaults(),
            REVENUE)) {
      TopologyTestDriver driver = detection.driver();
      TestInputTopic<String, OutageEvent> in =
          driver.createInputTopic(
              topics.outages.name(),
              topics.outages.keySerde().serializer(),
              topics.outages.valueSerde().serializer());
      OutageEvent open = outage("whatsapp", OutageScope.GLOBAL, List.of("BR", "NG"), 1.0);
      in.pipeInput(open.getOutageId(), open);
      OutageEvent later =
          OutageEvent.newBuilder(open).setUpdatedAt(open.getOnset().plusSeconds(1800)).build();
      in.pipeInput(later.getOutageId(), later);
      OutageEvent resolved =
          OutageEvent.newBuilder(later)
              .setState(OutageState.RESOLVED)
              .setPreviousState(OutageState.RECOVERING)
              .setUpdatedAt(open.getOnset().plusSeconds(3600))
              .build();
      in.pipeInput(resolved.getOutageId(), resolved);

      List<RegionImpact> brazil = read(driver, topics.impactTopicName("BR"));
      assertThat(brazil)
          .extracting(RegionImpact::getEstimatedLoss)
          .containsExactly(
              new Money(41_667L, "BRL"), new Money(1_250_000L, "BRL"), new Money(0L, "BRL"));
      assertThat(brazil.get(2).getAffectedServices()).isEmpty();
      assertThat(read(driver, topics.regionImpact.name()))
          .extracting(RegionImpact::getRegion)
          .containsExactlyInAnyOrder("BR", "NG", "BR", "NG", "BR", "NG");
      assertThat(read(driver, topics.impactTopicName("DE"))).isEmpty();
    }
  }
}
