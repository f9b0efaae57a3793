package io.outageradar.tools.evaluation;

import io.outageradar.avro.UserReport;
import io.outageradar.avro.state.ReportBaselineState;
import io.outageradar.detection.reports.ReportBaseline;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.QuietWeekScenario;
import io.outageradar.tools.series.SeriesDetector;
import io.outageradar.tools.series.SeriesDetectorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The labelled series evaluation: every detector over the generated series and the scenario report
 * series, scored per profile as {@link NabScore} does.
 */
public final class SeriesEvaluation {
  /** A detector under evaluation: the anomaly score of each point of a series. */
  public record Detector(String name, Function<LabelledSeries, double[]> scores) {}

  /** One detector's results, per profile, how often it alarms, and its scores of each series. */
  public record Row(
      String detector,
      List<NabScore.Result> results,
      AlarmCounts alarms,
      List<NabScore.Scored> perSeries) {}

  /**
   * Seeds of the held-back part are this far from the tuning seed: the same kinds of series, other
   * draws, looked at only to report.
   */
  static final long HELD_BACK_SEED_OFFSET = 1_000_003;

  private SeriesEvaluation() {}

  public static List<Detector> detectors() {
    return List.of(
        new Detector("null (never alerts)", series -> new double[series.values().length]),
        new Detector("rolling z-score (100 points)", SeriesEvaluation::rollingZ),
        new Detector("report detector (the pipeline's)", SeriesEvaluation::reportDetector),
        new Detector("series detector", SeriesEvaluation::seriesDetector));
  }

  /**
   * The corpus the detectors are tuned on: generated series of every shape and kind, and the
   * scenario report series.
   */
  public static List<LabelledSeries> corpus(long seed) {
    List<LabelledSeries> corpus = new ArrayList<>(GeneratedSeries.all(seed));
    corpus.addAll(scenarioReports(seed));
    return corpus;
  }

  /**
   * A named corpus and what it is; {@code perSeries} when the false alarms of each series matter
   * too (a flood on one series hides in a corpus-wide rate).
   */
  public record Corpus(String name, String about, List<LabelledSeries> series, boolean perSeries) {}

  /**
   * What {@code evaluate} reports on: the tuning corpus, the held-back part, and the count series
   * the report detector judges (no outage, and one report surge).
   */
  public static List<Corpus> corpora(long seed) {
    List<LabelledSeries> tuned = corpus(seed);
    List<LabelledSeries> counts =
        tuned.stream()
            .filter(s -> s.name().startsWith("reports-") || COUNT_SERIES.contains(s.name()))
            .toList();
    return List.of(
        new Corpus(
            "Generated corpus (tuned on)",
            "Generated series of every shape and kind, and the scenario report series.",
            tuned,
            false),
        new Corpus(
            "Held back (not tuned on)",
            "The same kinds of generated series drawn from seed + "
                + HELD_BACK_SEED_OFFSET
                + ", run only to report.",
            heldBack(seed),
            false),
        new Corpus(
            "Real series (vendored; labels ours)",
            "U.S. unemployment per industry, monthly 2000-2010, labelled at the onset of the 2008-09"
                + " recession (NBER's peak, 2007-12), and Seattle's daily weather 2012-2015 with no"
                + " label (every alarm is false): public U.S. Government data from vega-datasets"
                + " 3.2.1, see tools/src/main/resources/series/real/README.md.",
            RealSeries.all(),
            false),
        new Corpus(
            "Report-shaped counts",
            "Count series with no anomaly (sparse, busy, bursty, small whole numbers, a quiet week"
                + " of reports) and the week with a report surge: whether a detector floods on"
                + " bursty counts without an outage.",
            counts,
            true));
  }

  private static final Set<String> COUNT_SERIES =
      Set.of("sparse_counts-none", "busy_counts-none", "bursty_counts-none", "small_integers-none");

  /** The held-back part: the same kinds of generated series from other seeds, never tuned on. */
  public static List<LabelledSeries> heldBack(long seed) {
    return GeneratedSeries.all(seed + HELD_BACK_SEED_OFFSET);
  }

  public static List<Row> run(List<LabelledSeries> corpus, List<Detector> detectors) {
    List<Row> rows = new ArrayList<>();
    for (Detector detector : detectors) {
      List<NabScore.Scored> scored = new ArrayList<>();
      for (LabelledSeries series : corpus) {
        scored.add(
            new NabScore.Scored(
                series.values().length, series.labels(), detector.scores().apply(series)));
      }
      List<NabScore.Result> results = new ArrayList<>();
      for (NabScore.Profile profile : NabScore.PROFILES) {
        results.add(NabScore.score(scored, profile));
      }
      rows.add(new Row(detector.name(), results, AlarmCounts.of(scored), scored));
    }
    return rows;
  }

  static double[] seriesDetector(LabelledSeries series) {
    SeriesDetector detector = new SeriesDetector(SeriesDetectorConfig.defaults());
    double[] scores = new double[series.values().length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = detector.observe(series.times()[i], series.values()[i]).score();
    }
    return scores;
  }

  /**
   * The report-count detector of the pipeline, on the series rounded to whole, non-negative counts.
   */
  static double[] reportDetector(LabelledSeries series) {
    ReportBaseline judge = new ReportBaseline(ReportDetectionConfig.defaults());
    ReportBaselineState baseline = ReportBaseline.empty();
    double[] scores = new double[series.values().length];
    for (int i = 0; i < scores.length; i++) {
      long count = Math.max(0, Math.round(series.values()[i]));
      scores[i] = judge.observe(baseline, series.times()[i], count).score();
    }
    return scores;
  }

  /** The naive baseline: |z| against the mean and deviation of the previous 100 points. */
  static double[] rollingZ(LabelledSeries series) {
    double[] values = series.values();
    double[] scores = new double[values.length];
    int window = 100;
    for (int i = window; i < values.length; i++) {
      double sum = 0;
      double squares = 0;
      for (int j = i - window; j < i; j++) {
        sum += values[j];
        squares += values[j] * values[j];
      }
      double mean = sum / window;
      double deviation = Math.sqrt(Math.max(1e-12, squares / window - mean * mean));
      double z = Math.abs(values[i] - mean) / deviation;
      scores[i] = z / (z + 3);
    }
    return scores;
  }

  /**
   * Report counts per minute of whatsapp in BR over the quiet week scenario: as they are (no
   * anomaly), and with a surge of twenty times the reports for three hours on its sixth day.
   */
  static List<LabelledSeries> scenarioReports(long seed) {
    TreeMap<Instant, Integer> perMinute = new TreeMap<>();
    new QuietWeekScenario(seed)
        .reports()
        .filter(r -> r.getService().equals("whatsapp") && r.getRegion().equals("BR"))
        .map(UserReport::getReportedAt)
        .forEach(
            at ->
                perMinute.merge(
                    Instant.ofEpochSecond(at.getEpochSecond() / 60 * 60), 1, Integer::sum));
    Instant first = perMinute.firstKey();
    int length = (int) Duration.between(first, perMinute.lastKey()).toMinutes() + 1;
    Instant[] times = new Instant[length];
    double[] quiet = new double[length];
    for (int i = 0; i < length; i++) {
      times[i] = first.plus(Duration.ofMinutes(i));
      quiet[i] = perMinute.getOrDefault(times[i], 0);
    }
    double[] surge = quiet.clone();
    int at = 5 * 1440 + 13 * 60;
    for (int i = at; i < Math.min(length, at + 180); i++) {
      surge[i] = quiet[i] * 20 + 5;
    }
    return List.of(
        new LabelledSeries("reports-quiet-week", times, quiet, new int[0]),
        new LabelledSeries("reports-surge", times, surge, new int[] {at}));
  }

  /**
   * Each series' alarms as a Markdown table: one row per series of {@code corpus} (the one {@code
   * rows} were {@link #run} on), per detector its false alarms per 10,000 normal points and, where
   * the series has an anomaly, its alarms per anomaly. Reads the scores {@code rows} kept: scoring
   * the corpus again doubled the detectors' work.
   */
  public static String perSeriesMarkdown(List<LabelledSeries> corpus, List<Row> rows) {
    StringBuilder table = new StringBuilder("| series |");
    rows.forEach(row -> table.append(' ').append(row.detector()).append(" |"));
    table.append("\n| --- |").append(" ---: |".repeat(rows.size())).append('\n');
    for (int i = 0; i < corpus.size(); i++) {
      table.append("| ").append(corpus.get(i).name()).append(" |");
      for (Row row : rows) {
        AlarmCounts alarms = AlarmCounts.of(List.of(row.perSeries().get(i)));
        table.append(String.format(Locale.ROOT, " %.1f", alarms.falseAlarmsPer10k()));
        if (alarms.anomalies() > 0) {
          table.append(String.format(Locale.ROOT, "; %.2f per anomaly", alarms.alarmsPerAnomaly()));
        }
        table.append(" |");
      }
      table.append('\n');
    }
    return table.toString();
  }

  /** The results as a Markdown table: one row per detector, one column per profile. */
  public static String markdown(List<Row> rows) {
    StringBuilder table = new StringBuilder("| detector |");
    Map<String, String> separators = new LinkedHashMap<>();
    for (NabScore.Profile profile : NabScore.PROFILES) {
      table.append(' ').append(profile.name()).append(" |");
      separators.put(profile.name(), "---:");
    }
    table.append(
        " windows detected (standard) | false positives (standard) | false alarms per 10,000"
            + " normal points | alarms per anomaly | anomalies alarmed |\n| --- |");
    separators.values().forEach(s -> table.append(' ').append(s).append(" |"));
    table.append(" ---: | ---: | ---: | ---: | ---: |\n");
    for (Row row : rows) {
      table.append("| ").append(row.detector()).append(" |");
      for (NabScore.Result result : row.results()) {
        table.append(String.format(Locale.ROOT, " %.1f |", result.score()));
      }
      NabScore.Result standard = row.results().get(0);
      table
          .append(' ')
          .append(standard.detected())
          .append(" / ")
          .append(standard.windows())
          .append(" | ")
          .append(standard.falsePositives())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", row.alarms().falseAlarmsPer10k()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", row.alarms().alarmsPerAnomaly()))
          .append(" | ")
          .append(row.alarms().anomaliesAlarmed())
          .append(" / ")
          .append(row.alarms().anomalies())
          .append(" |\n");
    }
    return table.toString();
  }
}
