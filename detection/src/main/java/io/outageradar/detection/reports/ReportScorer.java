package io.outageradar.detection.reports;

import java.util.Arrays;
import java.util.List;

/**
 * Scores one period's report count against the baseline samples of its hour-of-week slot, robustly:
 * the median and the median absolute deviation are not moved by the outliers they must detect.
 */
public final class ReportScorer {
  /** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
  private static final double MAD_TO_SIGMA = 1.4826;

  /**
   * The highest score of a minute that is not anomalous (warming up, too few reporters, an ordinary
   * burst): a score of 0.5 or more means the minute alarmed, whatever reads it.
   */
  static final double NOT_ANOMALOUS_CEILING = 0.49;

  /** Samples below which a series has no baseline at all. */
  static final int EARLIEST_SAMPLES = 5;

  private final ReportDetectionConfig config;

  public ReportScorer(ReportDetectionConfig config) {
    this.config = config;
  }

  /** The verdict on a count, given the slot's samples. */
  public record Score(
      double median, double mad, double z, double score, boolean anomalous, boolean warmingUp) {
    /** The verdict on a minute judged not anomalous after all: scored below the alarm. */
    public Score notAnomalous() {
      return new Score(median, mad, z, Math.min(score, NOT_ANOMALOUS_CEILING), false, warmingUp);
    }
  }

  /**
   * Scores against the slot's own samples once it has enough of them, otherwise against the pooled
   * samples of all slots (seasonality is lost, robustness is not). While even the pool is not warm,
   * a minute must beat {@code warmupFactor} times the z threshold over the few samples there are;
   * with fewer than {@link #EARLIEST_SAMPLES}, nothing is anomalous — a cold start knows no normal,
   * and a busy evening is not an outage.
   */
  public Score score(long count, List<Integer> slotSamples, List<Integer> pooledSamples) {
    List<Integer> samples =
        slotSamples.size() >= config.warmupSamples() ? slotSamples : pooledSamples;
    boolean warmingUp = samples.size() < config.warmupSamples();
    double median =
        samples.isEmpty()
            ? 0
            : median(samples.stream().mapToDouble(Integer::doubleValue).toArray());
    double mad =
        samples.isEmpty()
            ? 0
            : median(samples.stream().mapToDouble(s -> Math.abs(s - median)).toArray());
    // A floor on the spread: a slot that always saw exactly 2 reports has MAD 0, and 3 must not be
    // infinitely odd.
    double sigma = Math.max(MAD_TO_SIGMA * mad, Math.max(1.0, Math.sqrt(median)));
    double z = (count - median) / sigma;
    double threshold =
        warmingUp ? config.zThreshold() * config.warmupFactor() : config.zThreshold();
    boolean anomalous =
        samples.size() >= EARLIEST_SAMPLES && count >= config.minReporters() && z >= threshold;
    double score = z <= 0 ? 0 : z / (z + config.zThreshold()); // 0.5 exactly at the threshold
    Score judged = new Score(median, mad, z, score, anomalous, warmingUp);
    return anomalous ? judged : judged.notAnomalous();
  }

  /**
   * What the baseline learns from a period: the count itself, or, when the period was anomalous,
   * the median instead — inpainting, so an outage's surge never becomes the normal that hides the
   * next one (ordinary bursts are remembered apart, by {@link UsualBursts}).
   */
  public static int learnedValue(long count, Score score) {
    return score.anomalous()
        ? (int) Math.round(score.median())
        : (int) Math.min(count, Integer.MAX_VALUE);
  }

  /** Appends a sample, keeping only the most recent {@code maxSamples}. */
  public void learn(List<Integer> samples, int value) {
    samples.add(value);
    while (samples.size() > config.maxSamples()) {
      samples.remove(0);
    }
  }

  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }
}
