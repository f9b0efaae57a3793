package io.outageradar.app.cli;

import io.outageradar.app.backtest.Backtest;
import io.outageradar.app.backtest.EventLine;
import io.outageradar.app.demo.DemoReport;
import io.outageradar.app.demo.DemoResult;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.streams.DetectionConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backtest", description = {
    "Run the real topologies over recorded events (JSON Lines, event-time order) and print what they find.",
    "Lines: {\"type\":\"probe\",\"timestamp\":ISO,\"service\",\"region\",\"agent\",\"check\",\"target\",\"status\",\"latencyMs\"}",
    "   or  {\"type\":\"report\",\"timestamp\":ISO,\"service\",\"region\",\"reporter\",\"category\",\"text\",\"source\"}.",
    "Bad lines are reported on stderr with their line number, counted and skipped."})
public final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--events", required = true, description = "JSON Lines file of events, or - for stdin.")
  String events;

  @Option(names = "--json", description = "Print the demo's JSON summary instead of the timeline.")
  boolean json;

  private long badLines;
  private long reports;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (BufferedReader reader = open()) {
      long[] lineNumber = {0};
      Stream<ProbeResult> probes = reader.lines().flatMap(line -> {
        lineNumber[0]++;
        if (line.isBlank()) {
          return Stream.empty();
        }
        try {
          SpecificRecord event = EventLine.parse(line);
          if (event instanceof UserReport) {
            reports++; // reports feed the report-anomaly detector, which is not part of the engine yet
            return Stream.empty();
          }
          return Stream.of((ProbeResult) event);
        } catch (EventLine.InvalidEventException e) {
          badLines++;
          err.println("outage-radar backtest: line " + lineNumber[0] + ": " + e.getMessage() + " (skipped)");
          return Stream.empty();
        }
      });
      DemoResult result = Backtest.run(Path.of(events).getFileName().toString(), probes, DetectionConfig.defaults());
      spec.commandLine().getOut().println(json ? DemoReport.json(result) : DemoReport.timeline(result));
      err.println("outage-radar backtest: " + result.eventsReplayed() + " probes, " + reports + " reports, "
          + badLines + " bad line(s) skipped");
      err.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return 0;
  }

  private BufferedReader open() throws IOException {
    if (events.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(Path.of(events), StandardCharsets.UTF_8);
  }
}
