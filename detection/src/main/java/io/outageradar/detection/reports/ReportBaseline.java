package io.outageradar.detection.reports;

import io.outageradar.avro.state.ReportBaselineState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Judges one report series minute by minute against its baseline — recent counts per hour-of-week
 * slot, the recent counts of all slots pooled (used while a slot warms up), and its usual bursts —
 * and teaches the baseline the minute. The topology keeps one state per (service, region) in its
 * store; the evaluation keeps one per series.
 */
public final class ReportBaseline {
  private final ReportScorer scorer;

  public ReportBaseline(ReportDetectionConfig config) {
    this.scorer = new ReportScorer(config);
  }

  /** The baseline of a series nothing has been learned about. */
  public static ReportBaselineState empty() {
    return new ReportBaselineState(new HashMap<>(), new ArrayList<>(), new ArrayList<>(), null);
  }

  /**
   * Scores the count of the minute starting at {@code minuteStart}, then learns from it (inpainted
   * when raised).
   */
  public ReportScorer.Score observe(ReportBaselineState state, Instant minuteStart, long count) {
    List<Integer> slot =
        state
            .getSlots()
            .computeIfAbsent(
                Integer.toString(HourOfWeek.of(minuteStart)), name -> new ArrayList<>());
    ReportScorer.Score score = scorer.score(count, slot, state.getPooled());
    int learned = ReportScorer.learnedValue(count, score);
    scorer.learn(slot, learned);
    scorer.learn(state.getPooled(), learned);
    return UsualBursts.ordinary(state, score.anomalous(), score.z()) ? score.notAnomalous() : score;
  }
}
