package io.outageradar.app.demo;

import io.outageradar.app.embedded.EmbeddedKafka;
import io.outageradar.app.embedded.EmbeddedSchemaRegistry;
import io.outageradar.app.runtime.ConsumerLag;
import io.outageradar.app.runtime.Pipeline;
import io.outageradar.app.runtime.TempDirs;
import io.outageradar.producers.replay.Facebook2021Scenario;
import io.outageradar.producers.replay.Scenario;
import io.outageradar.producers.replay.ScenarioEvents;
import io.outageradar.producers.replay.ScenarioPublisher;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.impact.RevenueTable;
import io.outageradar.streams.lifecycle.AlertConfig;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The embedded end-to-end run: a real broker in this JVM, the real pipeline, a replay of events
 * (the 4 October 2021 outage, or any backtest events file) through a real producer at full speed,
 * and the outputs read back by a real consumer once the pipeline has read everything.
 */
public final class Demo {
  /** The application id of the demo's pipeline: its consumer group, whose lag tells when it has read everything. */
  private static final String APPLICATION_ID = "outage-radar-demo";
  /** How long outputs must stay unchanged, beyond the idle detection, to count as final. */
  private static final Duration QUIET_MARGIN = Duration.ofSeconds(3);
  /** What a mid-sized shop selling through WhatsApp and Instagram might take per hour (illustrative). */
  public static final RevenueTable DEMO_REVENUE =
      RevenueTable.parse("whatsapp|BR=2500.00 BRL,instagram|BR=1800.00 BRL,whatsapp|IN=90000 INR,instagram|US=1200.00 USD");

  private Demo() {}

  /** The 4 October 2021 outage, probes and user reports. */
  public static DemoResult run(long seed, Duration timeout, Consumer<String> progress) {
    Scenario scenario = new Facebook2021Scenario(seed);
    return run(scenario.name(), ScenarioEvents.of(scenario), timeout, progress, registry -> { });
  }

  /** Any events in event-time order, e.g. read from a backtest events file. */
  public static DemoResult run(String name, List<SpecificRecord> events, Duration timeout, Consumer<String> progress) {
    return run(name, events.stream(), timeout, progress, registry -> { });
  }

  /** As above; {@code beforePipeline} may act on the registry once the replay is on the broker (tests of a registry outage). */
  public static DemoResult run(String name, List<SpecificRecord> events, Duration timeout, Consumer<String> progress,
      Consumer<EmbeddedSchemaRegistry> beforePipeline) {
    return run(name, events.stream(), timeout, progress, beforePipeline);
  }

  /**
   * The detection rules of the demo: the defaults, but inputs count as idle after 2 s — the replay
   * is on the broker before the pipeline starts, so the only silence is its end, and the last
   * windows may close soon after. The outcome is the same.
   */
  public static DetectionConfig detection() {
    DetectionConfig d = DetectionConfig.defaults();
    return new DetectionConfig(d.window(), d.grace(), d.minAgents(), d.downRatio(), d.confirmWindows(), d.ofWindows(),
        d.resolveAfterHealthyWindows(), d.globalMinRegions(), d.globalMinShare(), d.rollupWait(), Duration.ofSeconds(2));
  }

  private static String secondsSince(Instant began) {
    return String.format("%.1f", Duration.between(began, Instant.now()).toMillis() / 1000.0);
  }

  private static DemoResult run(String name, Stream<SpecificRecord> events, Duration timeout, Consumer<String> progress,
      Consumer<EmbeddedSchemaRegistry> beforePipeline) {
    Instant began = Instant.now();
    Path stateDir = TempDirs.create("outage-radar-demo-state-");
    DetectionConfig detection = detection();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      // A registry over HTTP, as in production; the pipeline has a client (and caches) of its own.
      Topics topics = Topics.create(RegistryOptions.of(registry.url()).connect());
      Topics pipelineTopics = Topics.create(RegistryOptions.of(registry.url()).connect());
      Pipeline.Settings settings = new Pipeline.Settings(kafka.bootstrapServers(), APPLICATION_ID, pipelineTopics,
          detection, ReportDetectionConfig.defaults(), DEMO_REVENUE, AlertConfig.defaults(), null, stateDir,
          (short) 1, false);
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicCreator.ensure(admin, topics.all(), (short) 1);
      }
      // The whole replay is on the broker before the pipeline starts: a replay paused mid-way (a slow
      // producer on a busy machine) would look to the pipeline like inputs gone idle.
      progress.accept("embedded Kafka up after " + secondsSince(began) + " s; replaying " + name);
      long replayed = ScenarioPublisher.publish(name, events, topics.probeResults, topics.userReports, kafka.bootstrapServers(), 0);
      progress.accept(String.format("%,d events on the broker after %s s; starting the pipeline", replayed, secondsSince(began)));
      beforePipeline.accept(registry);
      try (Pipeline pipeline = Pipeline.start(settings, Duration.ofSeconds(60));
          OutputCollector outputs = new OutputCollector(kafka.bootstrapServers(), topics);
          ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers())) {
        Duration left = timeout.minus(Duration.between(began, Instant.now()));
        List<String> inputs = List.of(topics.probeResults.name(), topics.userReports.name());
        Duration quiet = detection.idleAdvanceAfter().multipliedBy(2).plus(QUIET_MARGIN);
        boolean[] caughtUp = {false};
        BooleanSupplier readAll = () -> {
          boolean now = lag.behind(APPLICATION_ID, inputs) == 0;
          if (now && !caughtUp[0]) {
            caughtUp[0] = true;
            progress.accept("the pipeline has read every event after " + secondsSince(began) + " s; waiting for the last windows");
          }
          return now;
        };
        if (!outputs.awaitSettled(readAll, quiet, left)) {
          throw new IllegalStateException("the pipeline did not finish judging the replay within " + timeout.toSeconds()
              + " s: " + outputs.progress());
        }
        return new DemoResult(name, replayed, new ArrayList<>(outputs.outages()), outputs.pages(),
            outputs.regionImpact(), Duration.between(began, Instant.now()), outputs.deadLetters());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded schema registry: " + e.getMessage(), e);
    } finally {
      TempDirs.delete(stateDir);
    }
  }
}
