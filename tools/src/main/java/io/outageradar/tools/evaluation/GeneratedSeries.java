package io.outageradar.tools.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled series of every shape the series detector must handle, each with injected anomalies of
 * each kind, generated from a seed: noise, trend, daily and weekly seasonality, sparse and busy
 * counts, heavy-tailed noise and a random walk — and shapes real series have that clean generated
 * ones lack: counts in bursts, a value flat for days before noise starts, whole numbers with a tiny
 * variance, daily traffic whose level moves now and then; with spikes, dips, level shifts, pattern
 * changes (the daily amplitude or the noise growing) and plateaus lasting hundreds of points.
 * Points every 5 minutes, as in most public benchmarks.
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
    RANDOM_WALK,
    /**
     * Counts in bursts, as mentions of a name are: most points quiet, some several times busier.
     */
    BURSTY_COUNTS,
    /** A value that does not move at all for days (a gauge nobody touches), then ordinary noise. */
    FLAT_THEN_NOISE,
    /** Whole numbers with a tiny variance: mostly one value, now and then its neighbour. */
    SMALL_INTEGERS,
    /** Daily traffic whose level moves by a few percent every few days (a new normal, no fault). */
    DIURNAL_LEVELS
  }

  /** A kind of injected anomaly. */
  enum Kind {
    SPIKE,
    DIP,
    LEVEL_SHIFT,
    PATTERN_CHANGE,
    /** A raised plateau lasting hundreds of points, then back to normal. */
    SUSTAINED
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
    Normal normal = new Normal(shape, length, random);
    for (int i = 0; i < length; i++) {
      values[i] = normal.next(i);
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

  /** Normal behaviour of a shape, one point after another (some shapes carry state). */
  private static final class Normal {
    private final Shape shape;
    private final int length;
    private final SplittableRandom random;
    private double walk;
    private int burstLeft;
    private double burst = 1;
    private double level = 1;

    Normal(Shape shape, int length, SplittableRandom random) {
      this.shape = shape;
      this.length = length;
      this.random = random;
    }

    double next(int i) {
      double day = 2 * Math.PI * (i % POINTS_PER_DAY) / POINTS_PER_DAY;
      int weekday = (i / POINTS_PER_DAY) % 7;
      walk += random.nextGaussian() * 0.3;
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
        case BURSTY_COUNTS -> poisson(random, (12 + 8 * Math.sin(day)) * nextBurst());
        case FLAT_THEN_NOISE -> i < length * 0.35 ? 42 : 42 + random.nextGaussian() * 2;
        case SMALL_INTEGERS -> Math.max(0, Math.rint(3 + random.nextGaussian() * 0.4));
        case DIURNAL_LEVELS -> {
          if (i % (3 * POINTS_PER_DAY) == 0 && i > 0) {
            level *= 1 + (random.nextBoolean() ? 0.08 : -0.08);
          }
          yield level * (1000 + 400 * Math.sin(day)) + random.nextGaussian() * 30;
        }
      };
    }

    /** Bursts start now and then, last a few points, and multiply the rate by 1.5 to 4. */
    private double nextBurst() {
      if (burstLeft > 0) {
        burstLeft--;
        return burst;
      }
      if (random.nextDouble() < 0.01) {
        burstLeft = 1 + random.nextInt(10);
        burst = 1.5 + random.nextDouble() * 2.5;
        return burst;
      }
      return 1;
    }
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
          values[i] = Math.max(floorOf(shape), values[i] - scale * 8);
        }
      }
      case LEVEL_SHIFT -> {
        double shift = scale * (6 + random.nextInt(4)) * (random.nextBoolean() ? 1 : -1);
        for (int i = at; i < values.length; i++) {
          values[i] = Math.max(floorOf(shape), values[i] + shift);
        }
      }
      case SUSTAINED -> {
        double rise = scale * (6 + random.nextInt(4));
        for (int i = at; i < Math.min(values.length, at + 300); i++) {
          values[i] += rise;
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
    return isCounts(shape) ? 0 : -1e9;
  }

  private static boolean isCounts(Shape shape) {
    return shape == Shape.SPARSE_COUNTS
        || shape == Shape.BUSY_COUNTS
        || shape == Shape.BURSTY_COUNTS
        || shape == Shape.SMALL_INTEGERS;
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
      case BURSTY_COUNTS -> 10;
      case FLAT_THEN_NOISE -> 2;
      case SMALL_INTEGERS -> 1;
      case DIURNAL_LEVELS -> 30;
    };
  }

  /** A Poisson draw of {@code mean} (none below 0): counts as they come, for tests too. */
  public static int poisson(SplittableRandom random, double mean) {
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
