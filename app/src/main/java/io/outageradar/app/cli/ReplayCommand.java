package io.outageradar.app.cli;

import io.outageradar.app.backtest.EventLine;
import io.outageradar.app.config.RadarConfig;
import io.outageradar.app.config.RadarSettings;
import io.outageradar.producers.replay.Scenario;
import io.outageradar.producers.replay.ScenarioEvents;
import io.outageradar.producers.replay.ScenarioPublisher;
import io.outageradar.producers.replay.Scenarios;
import io.outageradar.topics.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "replay", description = {
    "Replay a scenario's probes and reports: into Kafka (the catalog's input topics), or with --to-file",
    "into the backtest JSON Lines format. Deterministic for a seed.",
    "Scenarios: fb-2021-10-04, quiet-week, regional-isp, flapping-agent, report-flood."})
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", required = true, description = "Scenario name.")
  String scenario;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--speed", defaultValue = "0",
      description = "Times real time when publishing (60 = an hour a minute); 0 = as fast as possible (default).")
  double speed;

  @Option(names = "--to-file", description = "Write the backtest JSON Lines format here instead of publishing.")
  Path toFile;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws IOException {
    Scenario chosen;
    try {
      chosen = Scenarios.create(scenario, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long count;
    if (toFile != null) {
      count = 0;
      try (BufferedWriter out = Files.newBufferedWriter(toFile, StandardCharsets.UTF_8)) {
        for (SpecificRecord event : (Iterable<SpecificRecord>) ScenarioEvents.of(chosen)::iterator) {
          out.write(EventLine.format(event));
          out.newLine();
          count++;
        }
      }
    } else {
      RadarConfig config = cluster.load(Map.of());
      Topics topics = ClusterOptions.topics(config);
      count = ScenarioPublisher.publish(chosen.name(), ScenarioEvents.of(chosen), topics.probeResults, topics.userReports,
          config.get(RadarSettings.BOOTSTRAP_SERVERS), speed);
    }
    spec.commandLine().getErr().println("outage-radar replay: " + count + " events of " + chosen.name()
        + (toFile != null ? " written to " + toFile : " published"));
    return 0;
  }
}
