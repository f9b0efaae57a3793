package io.outageradar.tools.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled series of every shape the series detector must handle, each with injected anomalies of
 * each kind, generated from a seed: noise, trend, daily and weekly seasonality, sparse and busy
 * counts, heavy-tailed noise and a random walk; with spikes, dips, level shifts and pattern changes
 * (the daily amplitude or the noise growing). Points every 5 minutes, as in most public benchmarks.
 */
public final class GeneratedSeries {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final Duration STEP = Duration.ofMinutes(5);
  private static final int POINTS_PER_DAY = 288;

  /** A shape of normal behaviour. */
  enum Shape {
    NOISE,
    TREND,
    DAILY,
    DAILY_WEEKLY,
    SPARSE_COUNTS,
    BUSY_COUNTS,
    HEAVY_TAILED,
    RANDOM_WALK
  }

  /** A kind of injected anomaly. */
  enum Kind {
    SPIKE,
    DIP,
    LEVEL_SHIFT,
    PATTERN_CHANGE
  }

  private GeneratedSeries() {}

  /** Every shape with every kind of anomaly, and every shape with none. */
  public static List<LabelledSeries> all(long seed) {
    List<LabelledSeries> all = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      for (Kind kind : Kind.values()) {
        all.add(generate(shape, kind, seed + shape.ordinal() * 31L + kind.ordinal()));
      }
      all.add(generate(shape, null, seed + shape.ordinal() * 31L + 17));
    }
    return all;
  }

  static LabelledSeries generate(Shape shape, Kind kind, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int length = 10 * POINTS_PER_DAY + random.nextInt(4 * POINTS_PER_DAY);
    double[] values = new double[length];
    double walk = 0;
    for (int i = 0; i < length; i++) {
      walk += random.nextGaussian() * 0.3;
      values[i] = normal(shape, i, random, walk);
    }
    List<Integer> labels = new ArrayList<>();
    if (kind != null) {
      int anomalies = kind == Kind.LEVEL_SHIFT || kind == Kind.PATTERN_CHANGE ? 1 : 2;
      for (int a = 0; a < anomalies; a++) {
        // after the probationary 15 %, spread over the rest
        int at = (int) (length * (0.3 + 0.6 * (a + random.nextDouble() * 0.5) / anomalies));
        labels.add(at);
        inject(shape, kind, values, at, random);
      }
    }
    Instant[] times = new Instant[length];
    for (int i = 0; i < length; i++) {
      times[i] = START.plus(STEP.multipliedBy(i));
    }
    String name =
        shape.name().toLowerCase() + "-" + (kind == null ? "none" : kind.name().toLowerCase());
    return new LabelledSeries(
        name, times, values, labels.stream().mapToInt(Integer::intValue).toArray());
  }

  private static double normal(Shape shape, int i, SplittableRandom random, double walk) {
    double day = 2 * Math.PI * (i % POINTS_PER_DAY) / POINTS_PER_DAY;
    int weekday = (i / POINTS_PER_DAY) % 7;
    return switch (shape) {
      case NOISE -> 50 + random.nextGaussian() * 5;
      case TREND -> 20 + i * 0.01 + random.nextGaussian() * 3;
      case DAILY -> 100 + 40 * Math.sin(day) + random.nextGaussian() * 5;
      case DAILY_WEEKLY ->
          (weekday >= 5 ? 60 : 100) + 40 * Math.sin(day) + random.nextGaussian() * 5;
      case SPARSE_COUNTS -> poisson(random, 0.4 + 0.3 * Math.sin(day));
      case BUSY_COUNTS -> poisson(random, 40 + 25 * Math.sin(day));
      case HEAVY_TAILED ->
          10 + random.nextGaussian() * 1 / Math.max(0.15, Math.sqrt(random.nextDouble()));
      case RANDOM_WALK -> 200 + walk;
    };
  }

  private static void inject(
      Shape shape, Kind kind, double[] values, int at, SplittableRandom random) {
    double scale = typicalSpread(shape);
    switch (kind) {
      case SPIKE -> {
        for (int i = at; i < Math.min(values.length, at + 3); i++) {
          values[i] += scale * (8 + random.nextInt(6));
        }
      }
      case DIP -> {
        for (int i = at; i < Math.min(values.length, at + 12); i++) {
          values[i] =
              Math.max(
                  shape == Shape.SPARSE_COUNTS || shape == Shape.BUSY_COUNTS ? 0 : -1e9,
                  values[i] - scale * 8);
        }
      }
      case LEVEL_SHIFT -> {
        double shift = scale * (6 + random.nextInt(4)) * (random.nextBoolean() ? 1 : -1);
        for (int i = at; i < values.length; i++) {
          values[i] += shift;
        }
      }
      case PATTERN_CHANGE -> {
        // the same level, three times the swing: a daily pattern or the noise grows
        double[] before = java.util.Arrays.copyOf(values, at);
        java.util.Arrays.sort(before);
        double reference = before[before.length / 2];
        for (int i = at; i < values.length; i++) {
          values[i] = Math.max(floorOf(shape), reference + (values[i] - reference) * 3);
        }
      }
    }
  }

  /** Counts never go below zero; other series may. */
  private static double floorOf(Shape shape) {
    return shape == Shape.SPARSE_COUNTS || shape == Shape.BUSY_COUNTS ? 0 : -1e9;
  }

  private static double typicalSpread(Shape shape) {
    return switch (shape) {
      case NOISE -> 5;
      case TREND -> 3;
      case DAILY, DAILY_WEEKLY -> 5;
      case SPARSE_COUNTS -> 1;
      case BUSY_COUNTS -> 7;
      case HEAVY_TAILED -> 1.5;
      case RANDOM_WALK -> 3;
    };
  }

  private static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-Math.max(0, mean));
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
