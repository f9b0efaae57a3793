package io.outageradar.service.status;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the status page shows of one service over time, bounded in memory: probe windows per region
 * and day (90 days), report counts, baseline and sentiment per report window (24 hours), report
 * categories per hour (24 hours) and the latest report texts.
 */
final class ServiceHistory {
  static final Duration DAYS_KEPT = Duration.ofDays(90);
  static final Duration REPORTS_KEPT = Duration.ofHours(24);
  static final int TEXTS_KEPT = 50;

  /** Probe windows judged and windows DOWN, per region, per day. */
  record DayCount(long windows, long down) {
    DayCount plus(boolean isDown) {
      return new DayCount(windows + 1, down + (isDown ? 1 : 0));
    }
  }

  /** Reports in one window summed over regions, with the baseline band and mean sentiment. */
  record ReportPoint(
      Instant windowStart,
      long reports,
      double baseline,
      double baselineSpread,
      double sentimentSum,
      long sentimentWeight,
      boolean anomalous) {
    ReportPoint plus(ReportWindowStats stats) {
      boolean scored = stats.getMeanSentiment() != null && stats.getReports() > 0;
      return new ReportPoint(
          windowStart,
          reports + stats.getReports(),
          baseline + stats.getBaselineMedian(),
          baselineSpread + stats.getBaselineMad(),
          sentimentSum + (scored ? stats.getMeanSentiment() * stats.getReports() : 0),
          sentimentWeight + (scored ? stats.getReports() : 0),
          anomalous || stats.getAnomalous());
    }
  }

  final NavigableMap<Instant, Map<String, DayCount>> days = new TreeMap<>();
  final NavigableMap<Instant, ReportPoint> reportWindows = new TreeMap<>();
  final NavigableMap<Instant, Map<ReportCategory, Long>> categoryHours = new TreeMap<>();

  /**
   * The latest reports by event time (then id), so every instance keeps the same ones whatever
   * order the partitions were read in.
   */
  final NavigableMap<String, ScoredReport> latestReports = new TreeMap<>();

  /** The event time this service's data has reached: its latest window end, report or change. */
  Instant reached = Instant.EPOCH;

  void reach(Instant eventTime) {
    if (eventTime.isAfter(reached)) {
      reached = eventTime;
    }
  }

  void add(RegionWindowHealth window) {
    Instant day = window.getWindowStart().truncatedTo(ChronoUnit.DAYS);
    days.computeIfAbsent(day, d -> new TreeMap<>())
        .merge(
            window.getRegion(),
            new DayCount(0, 0).plus(window.getStatus() == HealthStatus.DOWN),
            (old, one) -> old.plus(window.getStatus() == HealthStatus.DOWN));
  }

  void add(ReportWindowStats stats) {
    reportWindows.merge(
        stats.getWindowStart(),
        new ReportPoint(stats.getWindowStart(), 0, 0, 0, 0, 0, false).plus(stats),
        (old, one) -> old.plus(stats));
  }

  void add(ScoredReport report) {
    Instant hour = report.getReport().getReportedAt().truncatedTo(ChronoUnit.HOURS);
    categoryHours
        .computeIfAbsent(hour, h -> new EnumMap<>(ReportCategory.class))
        .merge(report.getReport().getCategory(), 1L, Long::sum);
    UserReport sent = report.getReport();
    latestReports.put(
        String.format("%020d|%s", sent.getReportedAt().toEpochMilli(), sent.getReportId()), report);
    if (latestReports.size() > TEXTS_KEPT) {
      latestReports.pollFirstEntry();
    }
  }

  /** Forgets what is older than the page shows, as of the view's event time. */
  void forgetBefore(Instant now) {
    days.headMap(now.minus(DAYS_KEPT).truncatedTo(ChronoUnit.DAYS), false).clear();
    reportWindows.headMap(now.minus(REPORTS_KEPT), false).clear();
    categoryHours.headMap(now.minus(REPORTS_KEPT).truncatedTo(ChronoUnit.HOURS), false).clear();
  }

  /** Report categories over the last 24 hours, most reported first. */
  Map<ReportCategory, Long> categories() {
    Map<ReportCategory, Long> total = new EnumMap<>(ReportCategory.class);
    categoryHours.values().forEach(hour -> hour.forEach((c, n) -> total.merge(c, n, Long::sum)));
    return total;
  }
}
