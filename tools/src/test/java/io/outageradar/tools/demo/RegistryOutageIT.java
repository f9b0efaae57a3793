package io.outageradar.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.simulation.Scenarios;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.chaos.Chaos;
import io.outageradar.tools.chaos.ChaosResult;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry goes down just as the pipeline starts to read a replay, and comes back a
 * while later: the pipeline waits for it instead of dead-lettering what it cannot look up, so
 * nothing is lost and the outcome is the backtest's. And a {@code mock://} registry that cannot
 * know the writers' schemas stops the pipeline with the reason instead of dead-lettering all.
 */
class RegistryOutageIT {
  /**
   * Far longer than the registry client's own retries (about 1.5 s), after which records used to be
   * dead-lettered.
   */
  private static final Duration DOWN_FOR = Duration.ofSeconds(20);

  @Test
  void aRegistryOutageWhileThePipelineReadsLosesNoRecord() {
    List<SpecificRecord> events = ScenarioEvents.of(Scenarios.create("regional-isp", 42)).toList();
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try {
      Outcome live =
          Demo.run(
              "regional-isp",
              events,
              Duration.ofMinutes(6),
              line -> {},
              registry -> {
                registry.stopListening();
                later.schedule(
                    () -> listenAgain(registry), DOWN_FOR.toMillis(), TimeUnit.MILLISECONDS);
              });
      Outcome backtest =
          Backtest.run(
              "regional-isp",
              events.stream(),
              DetectionConfig.defaults(),
              ReportDetectionConfig.defaults(),
              Demo.DEMO_REVENUE);

      assertThat(live.deadLetters()).isZero();
      assertThat(live.wallTime())
          .as("the pipeline waited for the registry")
          .isGreaterThan(DOWN_FOR);
      ChaosResult comparison = Chaos.compare(backtest, live.outages(), live.pages(), 0, 0, true);
      assertThat(comparison.differences()).isEmpty();
      assertThat(live.outages()).as("something was judged").isNotEmpty();
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  @ExtendWith(EmbeddedKafkaExtension.class)
  void
      aMockRegistryThatCannotKnowTheWritersSchemasStopsThePipelineWithAReasonInsteadOfDeadLetteringEverything(
          KafkaTestContext kafka, @TempDir Path stateDir) throws Exception {
    // two scopes stand for two processes, each with a mock:// registry of its own
    String writer = kafka.uniqueName() + "-writer";
    String reader = kafka.uniqueName() + "-reader";
    try {
      Topics written =
          Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + writer).connect());
      Topics read =
          Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + reader).connect());
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicCreator.ensure(admin, read.all(), (short) 1);
      }
      List<SpecificRecord> events =
          ScenarioEvents.of(Scenarios.create("regional-isp", 42)).limit(500).toList();
      ScenarioPublisher.publish(
          "regional-isp", events.stream(), written, kafka.bootstrapServers(), 0);

      Pipeline.Settings settings =
          Pipeline.Settings.builder(kafka.bootstrapServers(), kafka.uniqueName(), read, stateDir)
              .revenue(Demo.DEMO_REVENUE)
              .build();
      assertThat(reasonItStopped(settings))
          .contains("mock://" + reader)
          .contains("lives in one process");
      try (OutputCollector outputs = new OutputCollector(kafka.bootstrapServers(), read)) {
        outputs.awaitSettled(() -> true, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(outputs.deadLetters()).isZero();
      }
    } finally {
      MockSchemaRegistry.drop(writer);
      MockSchemaRegistry.drop(reader);
    }
  }

  /**
   * Why the pipeline stopped on its own: during start-up (the first records are read fast) or
   * after.
   */
  private static String reasonItStopped(Pipeline.Settings settings) throws Exception {
    try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(1))) {
      return pipeline.fatalStop().get(2, TimeUnit.MINUTES);
    } catch (IllegalStateException duringStartUp) {
      return duringStartUp.getMessage();
    }
  }

  private static void listenAgain(EmbeddedSchemaRegistry registry) {
    try {
      registry.listenAgain();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
