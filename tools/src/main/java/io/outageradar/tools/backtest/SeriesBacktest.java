package io.outageradar.tools.backtest;

import io.outageradar.tools.series.SeriesDetector;
import io.outageradar.tools.series.SeriesDetectorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scores a {@code timestamp,value} series with the series detector, writing {@code
 * timestamp,value,anomaly_score,alert} (a public CSV contract: columns may be added at the end,
 * never renamed or removed): one row for every input row, in input order, with the timestamp and
 * value as they were written; a bad row scores 0 and never alerts.
 */
public final class SeriesBacktest {
  public static final String HEADER = "timestamp,value,anomaly_score,alert";

  /** Bad lines described one by one on stderr; the rest are only counted. */
  static final int BAD_LINES_SHOWN = 10;

  /** How a run went: rows scored, alerts raised, bad rows (written unscored). */
  public record Summary(long rows, long alerts, long badRows) {}

  private SeriesBacktest() {}

  public static Summary run(
      BufferedReader in, Writer out, PrintWriter err, SeriesDetectorConfig config, String source)
      throws IOException {
    SeriesDetector detector = new SeriesDetector(config);
    PrintWriter csv = new PrintWriter(out);
    csv.println(HEADER);
    long rows = 0;
    long alerts = 0;
    long bad = 0;
    long lineNumber = 0;
    boolean seenData = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      String rawTime = fields[0].trim();
      String rawValue = fields.length > 1 ? fields[1].trim() : "";
      Instant at;
      double value;
      try {
        if (fields.length < 2) {
          throw new IllegalArgumentException("expected timestamp,value");
        }
        at = SeriesTimestamps.parse(rawTime);
        value = parseValue(rawValue);
      } catch (IllegalArgumentException e) {
        if (!seenData && isWord(rawTime) && isWord(rawValue)) {
          seenData = true;
          continue;
        }
        seenData = true;
        bad++;
        if (bad <= BAD_LINES_SHOWN) {
          err.println(
              "outage-radar backtest: "
                  + source
                  + ": line "
                  + lineNumber
                  + ": "
                  + e.getMessage()
                  + " (written unscored)");
        }
        csv.println(rawTime + "," + rawValue + ",0.0000,false");
        continue;
      }
      seenData = true;
      SeriesDetector.Score score = detector.observe(at, value);
      rows++;
      alerts += score.alert() ? 1 : 0;
      csv.println(
          rawTime
              + ","
              + rawValue
              + ","
              + String.format(Locale.ROOT, "%.4f", score.score())
              + ","
              + score.alert());
    }
    if (bad > BAD_LINES_SHOWN) {
      err.println(
          "outage-radar backtest: "
              + source
              + ": "
              + (bad - BAD_LINES_SHOWN)
              + " more bad line(s) not shown");
    }
    csv.flush();
    return new Summary(rows, alerts, bad);
  }

  /** A header names its columns: {@code timestamp,value}, {@code time,count}. */
  private static boolean isWord(String field) {
    String text = SeriesTimestamps.unquote(field).toLowerCase(Locale.ROOT);
    return !text.isEmpty()
        && text.chars().allMatch(c -> Character.isLetter(c) || c == '_' || c == ' ');
  }

  /** Decimal numbers, signed, with an optional exponent; not Java's NaN, Infinity or 1d. */
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private static double parseValue(String raw) {
    String text = SeriesTimestamps.unquote(raw);
    double value = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("value \"" + text + "\" is not a number");
    }
    return value;
  }
}
