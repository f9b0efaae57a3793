package io.outageradar.tools.cli;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.service.cli.Version;
import io.outageradar.service.config.ConfigException;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.backtest.EventsFile;
import io.outageradar.tools.backtest.SeriesBacktest;
import io.outageradar.tools.demo.DemoReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Run the detection over recorded events without a broker and print what it finds.",
    description = {
      "Run the real topologies over recorded events (JSON Lines, event-time order) and print what they find.",
      "Lines: {\"type\":\"probe\",\"timestamp\":ISO,\"service\",\"region\",\"agent\",\"check\",\"target\",\"status\",\"latencyMs\"}",
      "   or  {\"type\":\"report\",\"timestamp\":ISO,\"service\",\"region\",\"reporter\",\"category\",\"text\",\"source\"}.",
      "Bad lines are reported on stderr with their line number, counted and skipped.",
      "With --series FILE.csv --out SCORES.csv: score a timestamp,value series of report counts instead."
    })
public final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  /** Exactly one kind of input. */
  static final class Input {
    @Option(
        names = "--events",
        required = true,
        description = "JSON Lines file of events, or - for stdin.")
    String events;

    @Option(
        names = "--series",
        required = true,
        description =
            "CSV of timestamp,value: report counts of one service-region, scored by the report detector.")
    Path series;
  }

  @Option(
      names = "--out",
      description = "With --series: where to write timestamp,value,anomaly_score,alert.")
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
      SeriesBacktest.Summary summary =
          SeriesBacktest.run(reader, writer, err, ReportDetectionConfig.defaults());
      err.println(
          "outage-radar backtest: "
              + summary.rows()
              + " rows scored, "
              + summary.alerts()
              + " alert(s), "
              + summary.badRows()
              + " bad line(s) skipped; wrote "
              + out);
    }
    err.flush();
    return 0;
  }

  private int replayEvents() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    EventsFile file = readEvents(input.events, err, "backtest");
    Outcome result =
        Backtest.run(
            file.name(),
            file.events().stream(),
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults());
    spec.commandLine()
        .getOut()
        .println(json ? DemoReport.json(result) : DemoReport.timeline(result));
    err.println(
        "outage-radar backtest: "
            + (file.events().size() - file.reports())
            + " probes, "
            + file.reports()
            + " reports, "
            + file.badLines()
            + " bad line(s) skipped");
    err.flush();
    return 0;
  }

  /** Reads an events file for a command; a missing file is a usage error (exit 2) naming it. */
  static EventsFile readEvents(String path, PrintWriter err, String command) throws IOException {
    try {
      return EventsFile.read(path, err, command);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
