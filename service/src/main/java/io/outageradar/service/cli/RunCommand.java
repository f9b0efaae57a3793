package io.outageradar.service.cli;

import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
      "Every setting also comes from the environment (OUTAGE_RADAR_<KEY>, e.g. OUTAGE_RADAR_BOOTSTRAP_SERVERS)",
      "or from the --config properties file; flags win over the environment, which wins over the file."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() {
    RadarConfig config = cluster.load(Map.of());
    Topics topics = ClusterOptions.topics(config);
    Pipeline.Settings settings =
        Pipeline.Settings.builder(
                config.kafka(),
                config.get(RadarSettings.APPLICATION_ID),
                topics,
                Path.of(config.get(RadarSettings.STATE_DIR)))
            .detection(config.detection())
            .reports(config.reports())
            .revenue(config.revenue())
            .alerts(config.alerts())
            .queryServer(config.queryServer())
            .replicationFactor(config.get(RadarSettings.REPLICATION_FACTOR))
            .exactlyOnce(config.get(RadarSettings.EXACTLY_ONCE))
            .build();

    CompletableFuture<String> stopped = new CompletableFuture<>();
    try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(5))) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stopped.complete(null), "outage-radar-shutdown"));
      pipeline.fatalStop().thenAccept(stopped::complete);
      spec.commandLine()
          .getErr()
          .println(
              "outage-radar: running against " + settings.bootstrapServers() + "; Ctrl-C to stop");
      String reason = stopped.join();
      if (reason != null) {
        spec.commandLine().getErr().println("outage-radar: stopped: " + reason);
        return 1;
      }
    }
    return 0;
  }
}
