package io.outageradar.streams.reports;

import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.state.ReportBaselineState;
import io.outageradar.avro.state.ReportWindowState;
import io.outageradar.model.ServiceRegion;
import io.outageradar.streams.SortableKeys;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.windows.TumblingWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts reports per (service, region) minute — only a reporter's first report about a service in
 * an hour counts as a distinct reporter, so one person (or script) flooding the form adds at most
 * one — and, when the minute closes, scores it against the (service, region) seasonal baseline and
 * teaches the baseline (inpainted when anomalous). Sentiment is the mean compound score of the
 * minute's reports, as the sentiment topology scored them.
 */
final class ReportMinuteProcessor implements Processor<String, ScoredReport, String, ReportWindowStats> {
  static final Duration MINUTE = Duration.ofMinutes(1);
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();
  private static final double NEGATIVE = -0.05;
  /** Digits of an epoch-hour number in a reporters-seen key. */
  private static final int HOUR_WIDTH = 10;

  private final ReportScorer scorer;
  private final Duration grace;
  private final Duration idleAdvanceAfter;
  private ProcessorContext<String, ReportWindowStats> context;
  private TumblingWindows<ReportWindowState> windows;
  private KeyValueStore<String, Long> reportersSeen;
  private KeyValueStore<String, ReportBaselineState> baselines;
  private Sensor lateDropped;
  private long forgottenBelowHour;

  ReportMinuteProcessor(ReportDetectionConfig config, Duration grace, Duration idleAdvanceAfter) {
    this.scorer = new ReportScorer(config);
    this.grace = grace;
    this.idleAdvanceAfter = idleAdvanceAfter;
  }

  @Override
  public void init(ProcessorContext<String, ReportWindowStats> context) {
    this.context = context;
    this.windows = new TumblingWindows<>(context.getStateStore(StoreNames.REPORT_WINDOWS), MINUTE, grace, idleAdvanceAfter);
    this.reportersSeen = context.getStateStore(StoreNames.REPORTERS_SEEN);
    this.baselines = context.getStateStore(StoreNames.REPORT_BASELINE);
    this.lateDropped = context.metrics().addRateTotalSensor(
        "outage-radar", context.taskId().toString(), "late-reports-dropped", Sensor.RecordingLevel.INFO);
    context.schedule(idleAdvanceAfter.dividedBy(2).plusMillis(1), PunctuationType.WALL_CLOCK_TIME,
        now -> windows.advanceIfIdle(now, this::score));
  }

  @Override
  public void process(Record<String, ScoredReport> record) {
    long time = record.timestamp();
    if (windows.isClosed(time)) {
      lateDropped.record();
      return;
    }
    UserReport report = record.value().getReport();
    double sentiment = record.value().getCompound();
    ReportWindowState state = windows.get(time, record.key());
    if (state == null) {
      state = new ReportWindowState(0, 0, 0.0, 0, 0);
    }
    state.setReports(state.getReports() + 1);
    if (firstInHour(report, time)) {
      state.setDistinctReporters(state.getDistinctReporters() + 1);
    }
    state.setSentimentSum(state.getSentimentSum() + sentiment);
    state.setSentimentCount(state.getSentimentCount() + 1);
    state.setNegativeCount(state.getNegativeCount() + (sentiment <= NEGATIVE ? 1 : 0));
    windows.put(time, record.key(), state);
    windows.observe(time, context.currentSystemTimeMs(), this::score);
  }

  /** Remembers (service, reporter) per event-time hour; two hours back are forgotten. */
  private boolean firstInHour(UserReport report, long time) {
    long hour = Math.floorDiv(time, HOUR_MS);
    String key = hourKey(hour) + report.getService() + '|' + report.getReporterId();
    if (reportersSeen.get(key) != null) {
      return false;
    }
    reportersSeen.put(key, time);
    if (hour - 2 >= forgottenBelowHour) {
      forget(hour - 1);
    }
    return true;
  }

  private void forget(long belowHour) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Long> range = reportersSeen.range(hourKey(forgottenBelowHour), hourKey(belowHour))) {
      range.forEachRemaining(entry -> old.add(entry.key));
    }
    old.forEach(reportersSeen::delete);
    forgottenBelowHour = belowHour;
  }

  private void score(String key, long start, long end, ReportWindowState state) {
    ReportBaselineState baseline = baselines.get(key);
    if (baseline == null) {
      baseline = new ReportBaselineState(new HashMap<>(), new ArrayList<>());
    }
    String slotName = Integer.toString(HourOfWeek.of(Instant.ofEpochMilli(start)));
    List<Integer> slot = baseline.getSlots().computeIfAbsent(slotName, s -> new ArrayList<>());
    ReportScorer.Score score = scorer.score(state.getDistinctReporters(), slot, baseline.getPooled());
    int learned = ReportScorer.learnedValue(state.getDistinctReporters(), score, false);
    scorer.learn(slot, learned);
    scorer.learn(baseline.getPooled(), learned);
    baselines.put(key, baseline);

    ServiceRegion serviceRegion = ServiceRegion.parse(key);
    boolean scored = state.getSentimentCount() > 0;
    ReportWindowStats stats = ReportWindowStats.newBuilder()
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
        .setNegativeShare(scored ? (double) state.getNegativeCount() / state.getSentimentCount() : null)
        .build();
    context.forward(new Record<>(key, stats, end));
  }

  private static String hourKey(long hour) {
    return SortableKeys.padded(hour, HOUR_WIDTH) + '|';
  }

}
