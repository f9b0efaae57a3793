package io.outageradar.tools.backtest;

import io.outageradar.detection.reports.HourOfWeek;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.reports.ReportScorer;
import io.outageradar.detection.reports.SeasonalBaseline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Scores a {@code timestamp,value} series as the report counts of one service-region with the
 * report detector, writing {@code timestamp,value,anomaly_score,alert} (a public CSV contract:
 * columns may be added at the end, never renamed or removed).
 */
public final class SeriesBacktest {
  public static final String HEADER = "timestamp,value,anomaly_score,alert";

  /** How a run went: rows scored, alerts raised, bad rows skipped. */
  public record Summary(long rows, long alerts, long badRows) {}

  private SeriesBacktest() {}

  public static Summary run(
      BufferedReader in, Writer out, PrintWriter err, ReportDetectionConfig config)
      throws IOException {
    SeasonalBaseline baseline = new SeasonalBaseline(config);
    PrintWriter csv = new PrintWriter(out);
    csv.println(HEADER);
    long rows = 0;
    long alerts = 0;
    long bad = 0;
    long lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()
          || (lineNumber == 1 && line.toLowerCase(Locale.ROOT).startsWith("timestamp"))) {
        continue;
      }
      String[] fields = line.split(",", -1);
      Instant at;
      long value;
      try {
        if (fields.length < 2) {
          throw new IllegalArgumentException("expected timestamp,value");
        }
        at = Instant.parse(fields[0].trim());
        value = Long.parseLong(fields[1].trim());
        if (value < 0) {
          throw new IllegalArgumentException("value must not be negative");
        }
      } catch (DateTimeParseException | IllegalArgumentException e) {
        bad++;
        err.println(
            "outage-radar backtest: line " + lineNumber + ": " + describe(e) + " (skipped)");
        continue;
      }
      ReportScorer.Score score = baseline.observe(HourOfWeek.of(at), value, false);
      rows++;
      alerts += score.anomalous() ? 1 : 0;
      csv.println(
          at
              + ","
              + value
              + ","
              + String.format(Locale.ROOT, "%.4f", score.score())
              + ","
              + score.anomalous());
    }
    csv.flush();
    return new Summary(rows, alerts, bad);
  }

  private static String describe(RuntimeException e) {
    if (e instanceof DateTimeParseException) {
      return "timestamp is not ISO-8601 UTC";
    }
    return e instanceof NumberFormatException ? "value is not a whole number" : e.getMessage();
  }
}
