package io.outageradar.app.backtest;

import io.outageradar.app.demo.DemoResult;
import io.outageradar.app.runtime.TempDirs;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.lifecycle.OutageLifecycleTopology;
import io.outageradar.streams.probe.ProbeHealthTopology;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topologies over recorded events, without a broker: each topology runs in a
 * TopologyTestDriver and the output of one is piped into the next, as the topics would carry it.
 * At the end the wall clock is moved on, as it would be in production, so that the last windows
 * close and the lifecycle's alignment releases everything.
 */
public final class Backtest {
  private Backtest() {}

  public static DemoResult run(String name, Stream<ProbeResult> probes, DetectionConfig config) {
    Instant began = Instant.now();
    String scope = "backtest-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-backtest-");
    Topics topics = Topics.create(MockSchemaRegistry.forScope(scope));
    try {
      long[] count = {0};
      List<RegionWindowHealth> verdicts;
      try (TopologyTestDriver health = new TopologyTestDriver(ProbeHealthTopology.build(config, topics),
          StreamsProperties.of("backtest-probe-health", "backtest:9092", topics.deadLetters.name(), stateDir.resolve("health"), false))) {
        TestInputTopic<String, ProbeResult> in = health.createInputTopic(topics.probeResults.name(),
            topics.probeResults.keySerde().serializer(), topics.probeResults.valueSerde().serializer());
        probes.forEach(probe -> {
          in.pipeInput(probe.getService() + "|" + probe.getRegion(), probe, probe.getObservedAt());
          count[0]++;
        });
        health.advanceWallClockTime(config.idleAdvanceAfter().plus(config.window()).plus(config.grace()));
        verdicts = health.createOutputTopic(topics.regionHealth.name(), topics.regionHealth.keySerde().deserializer(),
            topics.regionHealth.valueSerde().deserializer()).readValuesToList();
      }
      Map<String, OutageEvent> outages = new LinkedHashMap<>();
      List<Page> pages;
      try (TopologyTestDriver lifecycle = new TopologyTestDriver(OutageLifecycleTopology.build(config, topics),
          StreamsProperties.of("backtest-lifecycle", "backtest:9092", topics.deadLetters.name(), stateDir.resolve("lifecycle"), false))) {
        TestInputTopic<String, RegionWindowHealth> in = lifecycle.createInputTopic(topics.regionHealth.name(),
            topics.regionHealth.keySerde().serializer(), topics.regionHealth.valueSerde().serializer());
        verdicts.forEach(v -> in.pipeInput(v.getService() + "|" + v.getRegion(), v, v.getWindowEnd()));
        lifecycle.advanceWallClockTime(config.alignmentSlack().plusSeconds(1));
        lifecycle.createOutputTopic(topics.outages.name(), topics.outages.keySerde().deserializer(),
                topics.outages.valueSerde().deserializer()).readValuesToList()
            .forEach(o -> outages.put(o.getOutageId(), o));
        pages = lifecycle.createOutputTopic(topics.alerts.name(), topics.alerts.keySerde().deserializer(),
            topics.alerts.valueSerde().deserializer()).readValuesToList();
      }
      List<OutageEvent> unmerged = outages.values().stream().filter(o -> o.getMergedInto() == null).toList();
      return new DemoResult(name, count[0], unmerged, pages, Duration.between(began, Instant.now()));
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }
}
