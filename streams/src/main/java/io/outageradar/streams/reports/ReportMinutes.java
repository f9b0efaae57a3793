package io.outageradar.streams.reports;

import io.outageradar.avro.ReportCategoryCounts;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.state.ReportBaselineState;
import io.outageradar.avro.state.ReportWindowState;
import io.outageradar.detection.reports.ReportBaseline;
import io.outageradar.detection.reports.ReportCategories;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.reports.ReportScorer;
import io.outageradar.model.ServiceRegion;
import io.outageradar.streams.SortableKeys;
import io.outageradar.streams.WriteBehindKeyValueStore;
import io.outageradar.streams.windows.TumblingWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts reports per (service, region) minute — only a reporter's first report about a service in
 * an hour counts as a distinct reporter, so one person (or script) flooding the form adds at most
 * one — and, when the minute closes, scores it against the (service, region) seasonal baseline and
 * teaches the baseline (inpainted when anomalous). Sentiment is the mean compound score of the
 * minute's reports, as the sentiment step scored them. The owner decides when minutes close.
 */
public final class ReportMinutes {
  public static final Duration MINUTE = Duration.ofMinutes(1);
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();
  private static final double NEGATIVE = -0.05;

  /** Digits of an epoch-hour number in a reporters-seen key. */
  private static final int HOUR_WIDTH = 10;

  private final ReportBaseline judge;
  private final TumblingWindows<ReportWindowState> windows;
  private final KeyValueStore<String, Long> reportersSeen;
  private final KeyValueStore<String, ReportBaselineState> baselines;
  private long forgottenBelowHour;

  public ReportMinutes(
      ReportDetectionConfig config,
      Duration grace,
      KeyValueStore<String, ReportWindowState> minutes,
      KeyValueStore<String, Long> reportersSeen,
      KeyValueStore<String, ReportBaselineState> baselines) {
    this.judge = new ReportBaseline(config);
    this.windows = new TumblingWindows<>(minutes, MINUTE, grace);
    this.reportersSeen = reportersSeen;
    this.baselines = baselines;
  }

  /**
   * Counts a scored report in its minute unless that minute was closed at {@code closedAt}; returns
   * whether it counted.
   */
  public boolean add(String key, ScoredReport scored, long time, long closedAt) {
    if (windows.isClosed(time, closedAt)) {
      return false;
    }
    boolean firstInHour = firstInHour(scored.getReport(), time);
    double sentiment = scored.getCompound();
    windows.update(
        time,
        key,
        existing -> {
          ReportWindowState state =
              existing == null
                  ? new ReportWindowState(0, 0, 0.0, 0, 0, new ReportCategoryCounts())
                  : existing;
          state.setReports(state.getReports() + 1);
          state.setDistinctReporters(state.getDistinctReporters() + (firstInHour ? 1 : 0));
          state.setSentimentSum(state.getSentimentSum() + sentiment);
          state.setSentimentCount(state.getSentimentCount() + 1);
          state.setNegativeCount(state.getNegativeCount() + (sentiment <= NEGATIVE ? 1 : 0));
          ReportCategories.count(state.getCategories(), scored.getReport().getCategory());
          return state;
        });
    return true;
  }

  /** Whether no minute is open. */
  public boolean allClosed() {
    return windows.allClosed();
  }

  /**
   * Scores, oldest first, every minute that ends at least the grace before {@code time}, and
   * forgets the reporters of hours that can no longer get a report — also when no new report comes
   * to do it.
   */
  public void closeUpTo(long time, Consumer<ReportWindowStats> verdicts) {
    windows.closeUpTo(
        time, (key, start, end, state) -> verdicts.accept(score(key, start, end, state)));
    forgetBefore(Math.floorDiv(time, HOUR_MS));
  }

  /** Remembers (service, reporter) per event-time hour; two hours back are forgotten. */
  private boolean firstInHour(UserReport report, long time) {
    long hour = Math.floorDiv(time, HOUR_MS);
    String key = hourKey(hour) + report.getService() + '|' + report.getReporterId();
    if (reportersSeen.get(key) != null) {
      return false;
    }
    reportersSeen.put(key, time);
    forgetBefore(hour);
    return true;
  }

  /** Forgets the hours before the one preceding {@code hour}, once per hour. */
  private void forgetBefore(long hour) {
    if (hour - 2 >= forgottenBelowHour) {
      forget(hour - 1);
    }
  }

  private void forget(long belowHour) {
    WriteBehindKeyValueStore.deleteRange(
        reportersSeen, hourKey(forgottenBelowHour), hourKey(belowHour));
    forgottenBelowHour = belowHour;
  }

  private ReportWindowStats score(String key, long start, long end, ReportWindowState state) {
    ReportBaselineState baseline = baselines.get(key);
    if (baseline == null) {
      baseline = ReportBaseline.empty();
    }
    ReportScorer.Score score =
        judge.observe(baseline, Instant.ofEpochMilli(start), state.getDistinctReporters());
    baselines.put(key, baseline);

    ServiceRegion serviceRegion = ServiceRegion.parse(key);
    boolean scored = state.getSentimentCount() > 0;
    return ReportWindowStats.newBuilder()
        .setService(serviceRegion.service())
        .setRegion(serviceRegion.region())
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(end))
        .setReports(state.getReports())
        .setDistinctReporters(state.getDistinctReporters())
        .setBaselineMedian(score.median())
        .setBaselineMad(score.mad())
        .setAnomalyScore(score.score())
        .setAnomalous(score.anomalous())
        .setWarmingUp(score.warmingUp())
        .setMeanSentiment(scored ? state.getSentimentSum() / state.getSentimentCount() : null)
        .setNegativeShare(
            scored ? (double) state.getNegativeCount() / state.getSentimentCount() : null)
        .setCategories(state.getCategories())
        .build();
  }

  private static String hourKey(long hour) {
    return SortableKeys.padded(hour, HOUR_WIDTH) + '|';
  }
}
