package io.outageradar.tools.cli;

import io.outageradar.service.cli.Version;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.EventsFile;
import io.outageradar.tools.demo.Demo;
import io.outageradar.tools.demo.DemoReport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(
      names = "--serve",
      paramLabel = "PORT",
      description =
          "Serve the live status page (and the query API) on http://localhost:PORT/ during the replay, and after it until Ctrl-C.")
  Integer serve;

  @Option(
      names = "--public",
      description = "With --serve: the page for the public, without revenue and losses.")
  boolean publicMode;

  @Mixin BusinessesFlag businesses;

  private void progress(String line) {
    spec.commandLine().getErr().println("outage-radar demo: " + line);
    spec.commandLine().getErr().flush();
  }

  @Override
  public Integer call() throws IOException {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    if (serve != null && (serve < 1 || serve > 65535)) {
      throw new ParameterException(spec.commandLine(), "--serve must be a port, 1 to 65535");
    }
    if (publicMode && serve == null) {
      throw new ParameterException(spec.commandLine(), "--public needs --serve PORT");
    }
    Demo.Serve serving = serve == null ? null : new Demo.Serve(serve, publicMode);
    // the summary as soon as the outcome is final; the broker and the pipeline close after it
    Consumer<Outcome> whenJudged = serve == null ? this::print : this::printAndServeUntilStopped;
    if (events == null) {
      Demo.run(seed, timeout, this::progress, serving, businesses.businesses(), whenJudged);
    } else {
      EventsFile file = BacktestCommand.readEvents(events, spec.commandLine().getErr(), "demo");
      Demo.run(
          file.name(),
          file.events(),
          timeout,
          this::progress,
          serving,
          businesses.businesses(),
          whenJudged);
    }
    return 0;
  }

  private void print(Outcome result) {
    spec.commandLine()
        .getOut()
        .println(json ? DemoReport.json(result) : DemoReport.timeline(result));
    spec.commandLine().getOut().flush();
  }

  /** Prints the outcome, then keeps the page up until Ctrl-C, which then waits for the close. */
  private void printAndServeUntilStopped(Outcome result) {
    print(result);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "outage-radar-demo-stop"));
    progress("replay judged; still serving http://localhost:" + serve + "/ until Ctrl-C");
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
