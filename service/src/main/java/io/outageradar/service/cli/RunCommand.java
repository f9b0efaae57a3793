package io.outageradar.service.cli;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.ops.Operability;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Run the detection pipeline against a Kafka cluster until stopped.",
    description = {
      "Run the topologies against an existing Kafka cluster until stopped (SIGTERM or Ctrl-C).",
      "Every setting also comes from the environment (OUTAGE_RADAR_<KEY>, e.g. OUTAGE_RADAR_BOOTSTRAP_SERVERS) or from the --config properties file; flags win over the environment, which wins over the file."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws InterruptedException {
    RadarConfig config = cluster.load(Map.of());
    Topics topics = ClusterOptions.topics(config);
    Pipeline.Settings settings =
        Pipeline.Settings.builder(
                config.kafka(),
                config.get(RadarSettings.APPLICATION_ID),
                topics,
                Path.of(config.get(RadarSettings.STATE_DIR)))
            .rules(config.rules())
            .queryServer(config.queryServer())
            .statusPublic(config.get(RadarSettings.STATUS_PUBLIC))
            .replicationFactor(config.get(RadarSettings.REPLICATION_FACTOR))
            .exactlyOnce(config.get(RadarSettings.EXACTLY_ONCE))
            .build();

    CompletableFuture<String> stopped = new CompletableFuture<>();
    AtomicReference<Pipeline> started = new AtomicReference<>();
    try (Operability ops = ClusterOptions.operability(config, "run", spec)) {
      ops.health().check("streams", () -> streamsProblem(started.get()));
      try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(5));
          KafkaStreamsMetrics streamsMetrics =
              ops.bind(new KafkaStreamsMetrics(pipeline.streams()))) {
        started.set(pipeline);
        Gauge.builder("outage.radar.outages.open", pipeline, p -> p.openOutages().orElse(-1))
            .description(
                "Outages not resolved in this instance's share of the outages table (-1 while it cannot be read)")
            .register(ops.metrics());
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> stopped.complete(null), "outage-radar-shutdown"));
        pipeline.fatalStop().thenAccept(stopped::complete);
        spec.commandLine()
            .getErr()
            .println("outage-radar run: running against " + settings.kafka() + "; Ctrl-C to stop");
        String reason = stopped.join();
        if (reason != null) {
          return ClusterOptions.failAfterGrace(config, ops, "run", "stopped: " + reason, spec);
        }
      }
    }
    return 0;
  }

  /** Ready only while the application is RUNNING. */
  private static Optional<String> streamsProblem(Pipeline pipeline) {
    if (pipeline == null) {
      return Optional.of("starting");
    }
    KafkaStreams.State state = pipeline.streams().state();
    return state == KafkaStreams.State.RUNNING
        ? Optional.empty()
        : Optional.of("Kafka Streams is " + state);
  }
}
