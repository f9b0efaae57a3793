package io.outageradar.tools.cli;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.service.cli.Version;
import io.outageradar.service.config.ConfigException;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.backtest.EventsFile;
import io.outageradar.tools.backtest.SeriesBacktest;
import io.outageradar.tools.demo.DemoReport;
import io.outageradar.tools.series.SeriesDetectorConfig;
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
import picocli.CommandLine.Mixin;
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
      "Each line one event, a probe or a report:",
      "  {\"type\":\"probe\", \"timestamp\":ISO, \"service\", \"region\", \"agent\",",
      "   \"check\", \"target\", \"status\", \"latencyMs\"}",
      "  {\"type\":\"report\", \"timestamp\":ISO, \"service\", \"region\", \"reporter\",",
      "   \"category\", \"text\", \"source\"}",
      "Bad lines are reported on stderr with their line number, counted and skipped.",
      "With --series FILE.csv --out SCORES.csv: score any timestamp,value series with the series detector instead (timestamps ISO-8601 with T or a space, zone optional (UTC), or epoch seconds or milliseconds; values any decimal number). One output row per input row, in order; bad rows are written unscored, the first 10 described on stderr. Exit 1 when no row could be scored."
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
            "CSV of timestamp,value (any real-valued series), scored by the series detector.")
    Path series;
  }

  @Option(
      names = "--out",
      description =
          "With --series: where to write the scores, in the columns timestamp,value,anomaly_score,alert.")
  Path out;

  @Option(names = "--json", description = "Print the demo's JSON summary instead of the timeline.")
  boolean json;

  @Mixin BusinessesFlag businesses;

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
    if (!Files.isReadable(input.series)) {
      throw new ConfigException("--series " + input.series + ": no such readable file");
    }
    SeriesBacktest.Summary summary;
    try (BufferedReader reader = Files.newBufferedReader(input.series, StandardCharsets.UTF_8);
        Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      summary =
          SeriesBacktest.run(
              reader, writer, err, SeriesDetectorConfig.defaults(), input.series.toString());
    }
    err.println(
        "outage-radar backtest: "
            + summary.rows()
            + " rows scored, "
            + summary.alerts()
            + " alert(s), "
            + summary.badRows()
            + " bad line(s) written unscored; wrote "
            + out);
    if (summary.rows() == 0) {
      err.println("outage-radar backtest: " + input.series + ": no row could be scored");
    }
    err.flush();
    return summary.rows() == 0 ? 1 : 0;
  }

  private int replayEvents() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    EventsFile file = readEvents(input.events, err, "backtest");
    Outcome result =
        Backtest.run(
            file.name(),
            file.events().stream(),
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults(),
            RevenueTable.parse(""),
            businesses.businesses());
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
