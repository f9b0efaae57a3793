package io.outageradar.app.cli;

import io.outageradar.app.backtest.Backtest;
import io.outageradar.app.backtest.EventLine;
import io.outageradar.app.backtest.SeriesBacktest;
import io.outageradar.app.demo.DemoReport;
import io.outageradar.app.demo.DemoResult;
import io.outageradar.avro.UserReport;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.reports.ReportDetectionConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backtest", description = {
    "Run the real topologies over recorded events (JSON Lines, event-time order) and print what they find.",
    "Lines: {\"type\":\"probe\",\"timestamp\":ISO,\"service\",\"region\",\"agent\",\"check\",\"target\",\"status\",\"latencyMs\"}",
    "   or  {\"type\":\"report\",\"timestamp\":ISO,\"service\",\"region\",\"reporter\",\"category\",\"text\",\"source\"}.",
    "Bad lines are reported on stderr with their line number, counted and skipped.",
    "With --series FILE.csv --out SCORES.csv: score a timestamp,value series of report counts instead."})
public final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  /** Exactly one kind of input. */
  static final class Input {
    @Option(names = "--events", required = true, description = "JSON Lines file of events, or - for stdin.")
    String events;

    @Option(names = "--series", required = true,
        description = "CSV of timestamp,value: report counts of one service-region, scored by the report detector.")
    Path series;
  }

  @Option(names = "--out", description = "With --series: where to write timestamp,value,anomaly_score,alert.")
  Path out;

  @Option(names = "--json", description = "Print the demo's JSON summary instead of the timeline.")
  boolean json;

  private long badLines;
  private long reports;

  @Override
  public Integer call() throws IOException {
    return input.series != null ? scoreSeries() : replayEvents();
  }

  private int scoreSeries() throws IOException {
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "--series needs --out FILE.csv");
    }
    PrintWriter err = spec.commandLine().getErr();
    try (BufferedReader reader = Files.newBufferedReader(input.series, StandardCharsets.UTF_8);
        Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      SeriesBacktest.Summary summary = SeriesBacktest.run(reader, writer, err, ReportDetectionConfig.defaults());
      err.println("outage-radar backtest: " + summary.rows() + " rows scored, " + summary.alerts() + " alert(s), "
          + summary.badRows() + " bad line(s) skipped; wrote " + out);
    }
    err.flush();
    return 0;
  }

  private int replayEvents() throws IOException {
    String events = input.events;
    PrintWriter err = spec.commandLine().getErr();
    try (BufferedReader reader = open(events)) {
      long[] lineNumber = {0};
      Stream<SpecificRecord> parsed = reader.lines().flatMap(line -> {
        lineNumber[0]++;
        if (line.isBlank()) {
          return Stream.empty();
        }
        try {
          SpecificRecord event = EventLine.parse(line);
          if (event instanceof UserReport) {
            reports++;
          }
          return Stream.of(event);
        } catch (EventLine.InvalidEventException e) {
          badLines++;
          err.println("outage-radar backtest: line " + lineNumber[0] + ": " + e.getMessage() + " (skipped)");
          return Stream.empty();
        }
      });
      DemoResult result = Backtest.run(Path.of(events).getFileName().toString(), parsed, DetectionConfig.defaults(),
          ReportDetectionConfig.defaults());
      spec.commandLine().getOut().println(json ? DemoReport.json(result) : DemoReport.timeline(result));
      err.println("outage-radar backtest: " + (result.eventsReplayed() - reports) + " probes, " + reports + " reports, "
          + badLines + " bad line(s) skipped");
      err.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return 0;
  }

  private static BufferedReader open(String events) throws IOException {
    if (events.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(Path.of(events), StandardCharsets.UTF_8);
  }
}
