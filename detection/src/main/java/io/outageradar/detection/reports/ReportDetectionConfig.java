package io.outageradar.detection.reports;

/**
 * Rules of the report-rate anomaly detector.
 *
 * @param minReporters distinct reporters per minute below which nothing is anomalous, however quiet
 *     the baseline (a handful of people never confirms an outage)
 * @param zThreshold robust z-score ((count − median) / (1.4826 · MAD)) at which a minute is
 *     anomalous
 * @param warmupSamples baseline samples an hour-of-week slot (or, failing that, the pool of all
 *     slots) needs before it is trusted
 * @param warmupFactor how many times the z threshold a minute must beat while the baseline is not
 *     trusted yet (and it has at least a few samples; before that, nothing is anomalous)
 * @param maxSamples samples kept per hour-of-week slot (the most recent ones)
 * @param confirmMinutes consecutive anomalous minutes after which reports alone confirm an outage
 */
public record ReportDetectionConfig(
    int minReporters,
    double zThreshold,
    int warmupSamples,
    int warmupFactor,
    int maxSamples,
    int confirmMinutes) {

  public ReportDetectionConfig {
    if (minReporters < 1
        || zThreshold <= 0
        || warmupSamples < 1
        || warmupFactor < 1
        || confirmMinutes < 1) {
      throw new IllegalArgumentException("all report rules must be positive");
    }
    if (maxSamples < warmupSamples) {
      throw new IllegalArgumentException(
          "maxSamples (" + maxSamples + ") must be at least warmupSamples (" + warmupSamples + ")");
    }
  }

  /**
   * 10 reporters a minute, z ≥ 5, 30 samples to warm up (z ≥ 15 until then), 240 kept, 3 minutes to
   * confirm.
   */
  public static ReportDetectionConfig defaults() {
    return new ReportDetectionConfig(10, 5.0, 30, 3, 240, 3);
  }
}
