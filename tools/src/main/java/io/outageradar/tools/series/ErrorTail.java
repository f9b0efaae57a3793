package io.outageradar.tools.series;

/**
 * A long memory of how far a series' points stray from their forecast: the quantiles of the
 * absolute errors over roughly the last {@code halfLife × 1.44} points, with older errors fading.
 *
 * <p>Why: the recent window (64 points) forgets a heavy-tailed series' bursts within hours, and a
 * quiet stretch then makes the next ordinary burst look extreme — on real series (mentions, CPU,
 * traffic) that was most false alarms. Kept as a histogram over a logarithmic scale (a quarter of
 * an octave per bucket), so any magnitude fits and a quantile costs one pass over a few hundred
 * buckets.
 */
final class ErrorTail {
  private static final int BUCKETS_PER_OCTAVE = 4;

  /** Errors from 2^-60 to 2^60 of any unit: below counts as the first bucket, above as the last. */
  private static final int LOWEST_OCTAVE = -60;

  private static final int BUCKETS = 120 * BUCKETS_PER_OCTAVE;

  private final double[] weights = new double[BUCKETS];
  private final double keep;
  private double total;
  private long age;

  /** Errors lose half their weight after {@code halfLife} more errors. */
  ErrorTail(int halfLife) {
    this.keep = Math.pow(0.5, 1.0 / halfLife);
  }

  void add(double error) {
    // fading every weight each time would cost a pass per point: grow the new weight instead, and
    // rescale everything once it gets large
    double weight = 1.0 / Math.pow(keep, age);
    age++;
    if (weight > 1e100) {
      for (int b = 0; b < BUCKETS; b++) {
        weights[b] /= weight;
      }
      total /= weight;
      age = 1;
      weight = 1;
    }
    weights[bucketOf(Math.abs(error))] += weight;
    total += weight;
  }

  /**
   * The error below which a share {@code q} of the remembered errors lie (the upper edge of its
   * bucket, so never below it); 0 when nothing is remembered.
   */
  double quantile(double q) {
    if (total <= 0) {
      return 0;
    }
    double wanted = q * total;
    double seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += weights[b];
      if (seen >= wanted) {
        return b == 0 ? 0 : Math.pow(2, LOWEST_OCTAVE + (b + 1.0) / BUCKETS_PER_OCTAVE);
      }
    }
    return Math.pow(2, LOWEST_OCTAVE + (double) BUCKETS / BUCKETS_PER_OCTAVE);
  }

  private static int bucketOf(double error) {
    if (!(error > 0)) {
      return 0;
    }
    double octaves = Math.log(error) / Math.log(2) - LOWEST_OCTAVE;
    return (int) Math.max(0, Math.min(BUCKETS - 1, Math.floor(octaves * BUCKETS_PER_OCTAVE)));
  }
}
