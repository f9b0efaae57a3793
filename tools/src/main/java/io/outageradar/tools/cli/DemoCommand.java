package io.outageradar.tools.cli;

import io.outageradar.service.cli.Version;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.EventsFile;
import io.outageradar.tools.demo.Demo;
import io.outageradar.tools.demo.DemoReport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header =
        "Replay the 4 Oct 2021 outage (or your events) through the pipeline on an embedded broker.",
    description =
        "Start an embedded Kafka broker, run the pipeline and replay the 4 Oct 2021 outage (or --events FILE) through it.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print one machine-readable JSON summary instead of the timeline.")
  boolean json;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the replay (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--timeout",
      defaultValue = "170",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--events",
      paramLabel = "FILE.jsonl",
      description =
          "Replay this backtest events file (JSON Lines, as backtest --events reads) instead of the 2021 outage.")
  String events;

  private void progress(String line) {
    spec.commandLine().getErr().println("outage-radar demo: " + line);
    spec.commandLine().getErr().flush();
  }

  @Override
  public Integer call() throws IOException {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    Outcome result;
    if (events == null) {
      result = Demo.run(seed, timeout, this::progress);
    } else {
      EventsFile file = BacktestCommand.readEvents(events, spec.commandLine().getErr(), "demo");
      result = Demo.run(file.name(), file.events(), timeout, this::progress);
    }
    spec.commandLine()
        .getOut()
        .println(json ? DemoReport.json(result) : DemoReport.timeline(result));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
