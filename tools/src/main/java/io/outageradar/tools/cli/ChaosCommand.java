package io.outageradar.tools.cli;

import io.outageradar.service.cli.Version;
import io.outageradar.service.config.ConfigException;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.Scenarios;
import io.outageradar.tools.backtest.EventsFile;
import io.outageradar.tools.chaos.Chaos;
import io.outageradar.tools.chaos.ChaosResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Kill and restart the live pipeline during a replay and compare it with the backtest.",
    description = {
      "Replay events into an embedded broker while the real pipeline (run) works on them as a child process, kill -9 the child at seeded moments (right after the first outage record, during a recovery, then at random), optionally restart the broker, and compare outages and pages with the backtest of the same events. Exit 0 only when equal."
    })
public final class ChaosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      description = "Scenario to replay (default fb-2021-10-04 unless --events is given).")
  String scenario;

  @Option(
      names = "--events",
      paramLabel = "EVENTS",
      description = "Backtest events file to replay instead of a scenario.")
  String events;

  @Option(
      names = "--kills",
      defaultValue = "3",
      description = "How many times to kill the pipeline (default: ${DEFAULT-VALUE}).")
  int kills;

  @Option(
      names = "--broker-restarts",
      defaultValue = "0",
      description = "How many times to restart the broker (default: ${DEFAULT-VALUE}).")
  int brokerRestarts;

  @Option(
      names = "--eos",
      defaultValue = "on",
      description = "Exactly-once processing: on or off (default: ${DEFAULT-VALUE}).")
  String eos;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the scenario and of the kill moments (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--timeout",
      defaultValue = "600",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin PartitionerFlag partitioner;

  @Mixin BusinessesFlag businesses;

  @Option(
      names = "--json",
      description =
          "Print one JSON summary: extraOutages, missingOutages, wrongOutages, duplicateTriggers, "
              + "missingResolves, pages, kills, brokerRestarts, verdict.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (scenario != null && events != null) {
      throw new ConfigException("give --scenario NAME or --events FILE, not both");
    }
    if (!eos.equals("on") && !eos.equals("off")) {
      throw new ConfigException("--eos must be on or off, not " + eos);
    }
    if (kills < 0 || brokerRestarts < 0) {
      throw new ConfigException("--kills and --broker-restarts must not be negative");
    }
    PrintWriter err = spec.commandLine().getErr();
    String name;
    List<SpecificRecord> replay;
    if (events != null) {
      EventsFile file = BacktestCommand.readEvents(events, err, "chaos");
      name = file.name();
      replay = file.events();
    } else {
      name = scenario == null ? "fb-2021-10-04" : scenario;
      try {
        replay = ScenarioEvents.of(Scenarios.create(name, seed)).toList();
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage());
      }
    }
    ChaosResult result =
        Chaos.run(
            new Chaos.Settings(
                name,
                replay,
                kills,
                brokerRestarts,
                eos.equals("on"),
                seed,
                Chaos.DOWNTIME,
                Duration.ofSeconds(timeoutSeconds),
                partitioner.partitioning,
                businesses.businesses()),
            line -> {
              err.println("outage-radar chaos: " + line);
              err.flush();
            });
    spec.commandLine().getOut().println(json ? result.json() : result.summary());
    spec.commandLine().getOut().flush();
    return result.equal() ? 0 : 1;
  }
}
