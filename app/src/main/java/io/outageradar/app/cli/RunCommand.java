package io.outageradar.app.cli;

import io.outageradar.app.config.RadarConfig;
import io.outageradar.app.config.RadarSettings;
import io.outageradar.app.runtime.Pipeline;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", description = {
    "Run the topologies against an existing Kafka cluster until stopped (SIGTERM or Ctrl-C).",
    "Every setting also comes from the environment (OUTAGE_RADAR_<KEY>, e.g. OUTAGE_RADAR_BOOTSTRAP_SERVERS)",
    "or from the --config properties file; flags win over the environment, which wins over the file."})
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() {
    RadarConfig config = cluster.load(Map.of());
    Topics topics = ClusterOptions.topics(config);
    Pipeline.Settings settings = new Pipeline.Settings(config.get(RadarSettings.BOOTSTRAP_SERVERS),
        config.get(RadarSettings.APPLICATION_ID), topics, config.detection(), config.reports(), config.revenue(), config.alerts(),
        config.queryServer(),
        Path.of(config.get(RadarSettings.STATE_DIR)),
        config.get(RadarSettings.REPLICATION_FACTOR), config.get(RadarSettings.EXACTLY_ONCE));

    CompletableFuture<String> stopped = new CompletableFuture<>();
    try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(5))) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopped.complete(null), "outage-radar-shutdown"));
      pipeline.fatalStop().thenAccept(stopped::complete);
      spec.commandLine().getErr().println("outage-radar: running against " + settings.bootstrapServers() + "; Ctrl-C to stop");
      String reason = stopped.join();
      if (reason != null) {
        spec.commandLine().getErr().println("outage-radar: stopped: " + reason);
        return 1;
      }
    }
    return 0;
  }
}
