package io.outageradar.streams.lifecycle;

import static io.outageradar.streams.Probes.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.GoldenTopology;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageLifecycleTopologyTest {
  private static final String SCOPE = OutageLifecycleTopologyTest.class.getName();
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void regionsOfOneServiceRollUpIntoOneGlobalOutageAndOnePage() {
    try (TopologyTestDriver driver = new TopologyTestDriver(OutageLifecycleTopology.build(CONFIG, topics),
        StreamsProperties.of("lifecycle-test", "dummy:9092", topics.deadLetters.name(), stateDir, false))) {
      TestInputTopic<String, RegionWindowHealth> in = driver.createInputTopic(topics.regionHealth.name(),
          topics.regionHealth.keySerde().serializer(), topics.regionHealth.valueSerde().serializer());
      for (int w = 0; w < 2; w++) {
        for (String region : List.of("BR", "US", "DE", "GB")) {
          RegionWindowHealth window = window("whatsapp", region, w, HealthStatus.DOWN);
          in.pipeInput("whatsapp|" + region, window, window.getWindowEnd());
        }
      }
      for (int w = 2; w < 5; w++) {
        for (String region : List.of("BR", "US", "DE", "GB")) {
          RegionWindowHealth window = window("whatsapp", region, w, HealthStatus.HEALTHY);
          in.pipeInput("whatsapp|" + region, window, window.getWindowEnd());
        }
      }

      List<OutageEvent> outages = driver.createOutputTopic(topics.outages.name(),
          topics.outages.keySerde().deserializer(), topics.outages.valueSerde().deserializer()).readValuesToList();
      List<Page> pages = driver.createOutputTopic(topics.alerts.name(),
          topics.alerts.keySerde().deserializer(), topics.alerts.valueSerde().deserializer()).readValuesToList();

      assertThat(outages).extracting(OutageEvent::getScope).containsOnly(OutageScope.GLOBAL);
      assertThat(outages.get(outages.size() - 1).getRegions()).containsExactly("BR", "DE", "GB", "US");
      assertThat(pages).extracting(Page::getAction).containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
      assertThat(pages).extracting(Page::getDedupKey).containsOnly("whatsapp-global-20211004T153000Z");
    }
  }

  @Test
  void topologyMatchesItsGoldenDescription() throws Exception {
    GoldenTopology.assertMatches("outage-lifecycle", OutageLifecycleTopology.build(CONFIG, topics));
  }
}
