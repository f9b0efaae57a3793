package io.outageradar.detection.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of one report series: recent samples per hour-of-week slot, and the recent samples
 * of all slots pooled (used while a slot is still warming up). Plain Java for the {@code --series}
 * backtest; the topology keeps the same two lists in its state store.
 */
public final class SeasonalBaseline {
  private final ReportScorer scorer;
  private final Map<Integer, List<Integer>> slots = new HashMap<>();
  private final List<Integer> pooled = new ArrayList<>();

  public SeasonalBaseline(ReportDetectionConfig config) {
    this.scorer = new ReportScorer(config);
  }

  /**
   * Scores a count for its slot, then learns from it (inpainted when anomalous or inside an
   * outage).
   */
  public ReportScorer.Score observe(int hourOfWeek, long count, boolean insideOutage) {
    List<Integer> slot = slots.computeIfAbsent(hourOfWeek, h -> new ArrayList<>());
    ReportScorer.Score score = scorer.score(count, slot, pooled);
    int learned = ReportScorer.learnedValue(count, score, insideOutage);
    scorer.learn(slot, learned);
    scorer.learn(pooled, learned);
    return score;
  }
}
