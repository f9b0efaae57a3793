package io.outageradar.streams.reports;

/**
 * Rules of the report-rate anomaly detector.
 *
 * @param minReporters distinct reporters per minute below which nothing is anomalous, however
 *     quiet the baseline (a handful of people never confirms an outage)
 * @param zThreshold robust z-score ((count − median) / (1.4826 · MAD)) at which a minute is anomalous
 * @param warmupSamples baseline samples an hour-of-week slot needs before it is trusted; until then
 *     a minute is anomalous only with {@code warmupFactor} times {@code minReporters}
 * @param warmupFactor see {@code warmupSamples}
 * @param maxSamples samples kept per hour-of-week slot (the most recent ones)
 * @param confirmMinutes consecutive anomalous minutes after which reports alone confirm an outage
 */
public record ReportDetectionConfig(
    int minReporters, double zThreshold, int warmupSamples, int warmupFactor, int maxSamples, int confirmMinutes) {

  public ReportDetectionConfig {
    if (minReporters < 1 || zThreshold <= 0 || warmupSamples < 1 || warmupFactor < 1 || confirmMinutes < 1) {
      throw new IllegalArgumentException("all report rules must be positive");
    }
    if (maxSamples < warmupSamples) {
      throw new IllegalArgumentException("maxSamples (" + maxSamples + ") must be at least warmupSamples (" + warmupSamples + ")");
    }
  }

  /** 10 reporters a minute, z ≥ 5, 30 samples to warm up (else 3 × 10 reporters), 240 kept, 3 minutes to confirm. */
  public static ReportDetectionConfig defaults() {
    return new ReportDetectionConfig(10, 5.0, 30, 3, 240, 3);
  }
}
