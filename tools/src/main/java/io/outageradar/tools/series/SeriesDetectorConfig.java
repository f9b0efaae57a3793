package io.outageradar.tools.series;

/**
 * Rules of the series detector.
 *
 * @param recentPoints points the recent level and each forecast's spread are taken over
 * @param warmupPoints points before anything is judged (scores are 0 until then)
 * @param zAlert distance from the forecast, in spreads, at which a point alerts (score 0.5)
 */
public record SeriesDetectorConfig(int recentPoints, int warmupPoints, double zAlert) {
  public SeriesDetectorConfig {
    if (recentPoints < 8) {
      throw new IllegalArgumentException("recentPoints must be at least 8");
    }
    if (warmupPoints < 3 || warmupPoints > recentPoints) {
      throw new IllegalArgumentException("warmupPoints must be in [3, recentPoints]");
    }
    if (zAlert <= 0) {
      throw new IllegalArgumentException("zAlert must be positive");
    }
  }

  /** 64 recent points, 16 to warm up, alert at 5 spreads. */
  public static SeriesDetectorConfig defaults() {
    return new SeriesDetectorConfig(64, 16, 5.0);
  }
}
