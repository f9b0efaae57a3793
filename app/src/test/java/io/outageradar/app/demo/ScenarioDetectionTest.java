package io.outageradar.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.CauseHint;
import io.outageradar.producers.replay.Facebook2021Scenario;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.lifecycle.OutageLifecycleTopology;
import io.outageradar.streams.probe.ProbeHealthTopology;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole 2021 replay through both topologies in TopologyTestDriver: deterministic, so it pins
 * what the demo must find — one GLOBAL outage per service, in all six regions, with a DNS cause,
 * confirmed within two minutes of onset, and exactly one TRIGGER and one RESOLVE page each.
 */
class ScenarioDetectionTest {
  private static final String SCOPE = ScenarioDetectionTest.class.getName();
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();
  @TempDir static Path stateDir;
  private static final Map<String, OutageEvent> outages = new LinkedHashMap<>();
  private static List<Page> pages;
  private static final Facebook2021Scenario scenario = new Facebook2021Scenario(42);

  @BeforeAll
  static void replay() {
    Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
    List<RegionWindowHealth> verdicts;
    try (TopologyTestDriver health = new TopologyTestDriver(ProbeHealthTopology.build(CONFIG, topics),
        StreamsProperties.of("scenario-health", "dummy:9092", topics.deadLetters.name(), stateDir.resolve("h"), false))) {
      TestInputTopic<String, ProbeResult> in = health.createInputTopic(topics.probeResults.name(),
          topics.probeResults.keySerde().serializer(), topics.probeResults.valueSerde().serializer());
      scenario.probes().forEach(p -> in.pipeInput(p.getService() + "|" + p.getRegion(), p, p.getObservedAt()));
      verdicts = health.createOutputTopic(topics.regionHealth.name(), topics.regionHealth.keySerde().deserializer(),
          topics.regionHealth.valueSerde().deserializer()).readValuesToList();
    }
    try (TopologyTestDriver lifecycle = new TopologyTestDriver(OutageLifecycleTopology.build(CONFIG, topics),
        StreamsProperties.of("scenario-lifecycle", "dummy:9092", topics.deadLetters.name(), stateDir.resolve("l"), false))) {
      TestInputTopic<String, RegionWindowHealth> in = lifecycle.createInputTopic(topics.regionHealth.name(),
          topics.regionHealth.keySerde().serializer(), topics.regionHealth.valueSerde().serializer());
      verdicts.forEach(v -> in.pipeInput(v.getService() + "|" + v.getRegion(), v, v.getWindowEnd()));
      lifecycle.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(1));
      lifecycle.createOutputTopic(topics.outages.name(), topics.outages.keySerde().deserializer(),
          topics.outages.valueSerde().deserializer()).readValuesToList().forEach(o -> outages.put(o.getOutageId(), o));
      pages = lifecycle.createOutputTopic(topics.alerts.name(), topics.alerts.keySerde().deserializer(),
          topics.alerts.valueSerde().deserializer()).readValuesToList();
    }
  }

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void findsOneGlobalDnsOutagePerServiceInEveryRegion() {
    assertThat(outages.values()).extracting(OutageEvent::getService)
        .containsExactlyInAnyOrderElementsOf(Facebook2021Scenario.SERVICES);
    for (OutageEvent outage : outages.values()) {
      assertThat(outage.getScope()).isEqualTo(OutageScope.GLOBAL);
      assertThat(outage.getRegions()).containsExactlyInAnyOrder("BR", "DE", "GB", "IN", "NL", "US");
      assertThat(outage.getCause()).isEqualTo(CauseHint.DNS);
      assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
      assertThat(Duration.between(outage.getOnset(), outage.getConfirmedAt())).isLessThanOrEqualTo(Duration.ofMinutes(2));
    }
  }

  @Test
  void pagesOncePerOutageAndResolvesIt() {
    assertThat(pages).hasSize(6);
    assertThat(pages).filteredOn(p -> p.getAction() == PageAction.TRIGGER).hasSize(3)
        .allSatisfy(p -> assertThat(p.getRegions()).hasSizeGreaterThanOrEqualTo(CONFIG.globalMinRegions()));
    assertThat(pages).filteredOn(p -> p.getAction() == PageAction.RESOLVE).hasSize(3);
  }
}
