package io.outageradar.app.cli;

import io.outageradar.app.backtest.EventsFile;
import io.outageradar.app.demo.Demo;
import io.outageradar.app.demo.DemoReport;
import io.outageradar.app.demo.DemoResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", description = "Start an embedded Kafka broker, run the pipeline and replay the 4 Oct 2021 outage (or --events FILE) through it.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one machine-readable JSON summary instead of the timeline.")
  boolean json;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the replay (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--timeout", defaultValue = "170", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--events", paramLabel = "FILE.jsonl",
      description = "Replay this backtest events file (JSON Lines, as backtest --events reads) instead of the 2021 outage.")
  String events;

  private void progress(String line) {
    spec.commandLine().getErr().println("outage-radar demo: " + line);
    spec.commandLine().getErr().flush();
  }

  @Override
  public Integer call() throws IOException {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    DemoResult result;
    if (events == null) {
      result = Demo.run(seed, timeout, this::progress);
    } else {
      EventsFile file = BacktestCommand.readEvents(events, spec.commandLine().getErr(), "demo");
      result = Demo.run(file.name(), file.events(), timeout, this::progress);
    }
    spec.commandLine().getOut().println(json ? DemoReport.json(result) : DemoReport.timeline(result));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
