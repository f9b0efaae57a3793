package io.outageradar.app.demo;

import io.outageradar.app.embedded.EmbeddedKafka;
import io.outageradar.app.runtime.Pipeline;
import io.outageradar.app.runtime.TempDirs;
import io.outageradar.producers.replay.Facebook2021Scenario;
import io.outageradar.producers.replay.Scenario;
import io.outageradar.producers.replay.ScenarioEvents;
import io.outageradar.producers.replay.ScenarioPublisher;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.impact.RevenueTable;
import io.outageradar.streams.lifecycle.AlertConfig;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

/**
 * The embedded end-to-end run: a real broker in this JVM, the real topologies, the replay of the 4
 * October 2021 outage through a real producer, and the outputs read back by a real consumer.
 */
public final class Demo {
  /** The last windows of the replay stay open (nothing newer closes them); judge up to here. */
  private static final Duration TAIL = Duration.ofMinutes(5);
  /** Beyond the time the pipeline waits before it counts its inputs as idle, how long outputs must stay unchanged to count as final. */
  private static final Duration QUIET_MARGIN = Duration.ofSeconds(5);
  /** What a mid-sized shop selling through WhatsApp and Instagram might take per hour (illustrative). */
  private static final RevenueTable DEMO_REVENUE =
      RevenueTable.parse("whatsapp|BR=2500.00 BRL,instagram|BR=1800.00 BRL,whatsapp|IN=90000 INR,instagram|US=1200.00 USD");

  private Demo() {}

  public static DemoResult run(long seed, Duration timeout) {
    Instant began = Instant.now();
    Scenario scenario = new Facebook2021Scenario(seed);
    String scope = "demo-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-demo-state-");
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
      DetectionConfig detection = DetectionConfig.defaults();
      Pipeline.Settings settings = new Pipeline.Settings(kafka.bootstrapServers(), "outage-radar-demo", topics,
          detection, ReportDetectionConfig.defaults(), DEMO_REVENUE, AlertConfig.defaults(), null, stateDir,
          (short) 1, false);
      try (Pipeline pipeline = Pipeline.start(settings, Duration.ofSeconds(60));
          OutputCollector outputs = new OutputCollector(kafka.bootstrapServers(), topics)) {
        long replayed = ScenarioPublisher.publish(scenario.name(), ScenarioEvents.of(scenario),
            topics.probeResults, topics.userReports, kafka.bootstrapServers(), 0);
        Duration left = timeout.minus(Duration.between(began, Instant.now()));
        if (!outputs.awaitSettled(scenario.end().minus(TAIL), detection.idleAdvanceAfter().plus(QUIET_MARGIN), left)) {
          throw new IllegalStateException("the pipeline did not finish judging the replay within " + timeout.toSeconds()
              + " s: " + outputs.progress());
        }
        return new DemoResult(scenario.name(), replayed, new ArrayList<>(outputs.outages()), outputs.pages(),
            outputs.regionImpact(), Duration.between(began, Instant.now()));
      }
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }

}
