package io.outageradar.tools.series;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * An anomaly detector for any real-valued series, one point at a time in time order.
 *
 * <p>Two forecasts of each point compete: the robust level of the recent points (the median of the
 * last {@code recentPoints}), and the seasonal one (the median of the same time of day over the
 * last days, shifted by how far the recent points sat from their own seasonal values). Each keeps
 * the robust spread of its own recent errors (1.4826 × MAD), and the forecast whose errors have
 * been smaller judges the point: {@code z = |value − forecast| / spread}. So a daily pattern is
 * expected once it has been seen twice, and a flat or trending series is judged by its recent level
 * alone.
 *
 * <p>What it learns from an unusual point is clipped to the edge of the normal range, so a spike
 * does not widen the spread that must detect the next one. When {@link #SHIFT_POINTS} points in a
 * row are unusual on the same side, the series has moved: the recent history restarts from them, so
 * a level shift is reported once and not for the next hundred points. The level it left is kept for
 * another {@code recentPoints} points: a series that goes back to it (a surge that ended) is judged
 * by it again at once, instead of the return looking like a second shift.
 *
 * <p>The score is {@code z / (z + zAlert)}: 0 for the expected value, 0.5 exactly at the alert
 * threshold, approaching 1 as the point becomes more unusual; comparable across series because z is
 * in units of each series' own spread.
 */
public final class SeriesDetector {
  /** 1.4826 × MAD estimates the standard deviation of normally distributed errors. */
  private static final double MAD_TO_SIGMA = 1.4826;

  /** 1.2533 × the mean absolute error estimates the standard deviation of normal errors. */
  private static final double MEAN_TO_SIGMA = 1.2533;

  /** Unusual points in a row, on one side, that make a level shift rather than outliers. */
  static final int SHIFT_POINTS = 5;

  /** Days of the same time of day the seasonal forecast takes the median of. */
  static final int SEASON_DAYS = 7;

  /** Days of history before the seasonal forecast may judge. */
  static final int SEASON_MIN_DAYS = 2;

  private final SeriesDetectorConfig config;
  private final Window levelValues;
  private final Window levelErrors;
  private final Window seasonalResiduals;
  private final Window seasonalErrors;
  private final Window previousLevel;
  private final Window previousResiduals;
  private long previousKeptFor;
  private final double[] shiftValues = new double[SHIFT_POINTS];
  private final double[] shiftResiduals = new double[SHIFT_POINTS];
  private double[][] slots;
  private int[] slotCounts;
  private long slotSeconds;
  private Instant first;
  private Instant previous;
  private long points;
  private int shiftRun;
  private int shiftSide;
  private double floor;
  private boolean counts = true;

  public SeriesDetector(SeriesDetectorConfig config) {
    this.config = config;
    this.levelValues = new Window(config.recentPoints());
    this.levelErrors = new Window(config.recentPoints());
    this.seasonalResiduals = new Window(config.recentPoints());
    this.seasonalErrors = new Window(config.recentPoints());
    this.previousLevel = new Window(config.recentPoints());
    this.previousResiduals = new Window(config.recentPoints());
  }

  /** The verdict on one point. */
  public record Score(double forecast, double z, double score, boolean alert) {}

  /** Scores a point against what came before it, then learns from it. */
  public Score observe(Instant at, double value) {
    if (first == null) {
      first = at;
    } else if (slotSeconds == 0 && at.isAfter(previous)) {
      startSeasons(at.getEpochSecond() - previous.getEpochSecond());
    }
    previous = at;
    points++;
    counts = counts && value >= 0 && value == Math.rint(value);
    Score score = judge(at, value);
    if (score.alert() && backToPreviousLevel(value)) {
      score = judge(at, value);
    }
    learn(at, value, score);
    return score;
  }

  /**
   * Within {@code recentPoints} points of a shift, a point that fits the level the series shifted
   * away from takes the series back to it.
   */
  private boolean backToPreviousLevel(double value) {
    if (previousKeptFor <= 0) {
      return false;
    }
    previousKeptFor--;
    double z = Math.abs(value - previousLevel.median()) / spread(levelErrors);
    if (z >= config.zAlert()) {
      return false;
    }
    levelValues.replaceWith(previousLevel.toArray());
    seasonalResiduals.replaceWith(previousResiduals.toArray());
    previousKeptFor = 0;
    return true;
  }

  private Score judge(Instant at, double value) {
    if (levelValues.size() < config.warmupPoints()) {
      return new Score(value, 0, 0, false);
    }
    double level = levelValues.median();
    double levelSpread = spread(levelErrors);
    double forecast = level;
    double spread = levelSpread;
    double seasonal = seasonalForecast(at);
    if (!Double.isNaN(seasonal) && seasonalErrors.size() >= config.warmupPoints()) {
      double seasonalSpread = spread(seasonalErrors);
      if (seasonalSpread < levelSpread) {
        forecast = seasonal;
        spread = seasonalSpread;
      }
    }
    double z = Math.abs(value - forecast) / spread;
    double score = z / (z + config.zAlert());
    return new Score(forecast, z, score, z >= config.zAlert());
  }

  /**
   * The spread of a forecast's errors: 1.4826 × their median, or, for a series whose errors are
   * mostly exactly zero (sparse counts), 1.2533 × their mean, the same estimate of a normal
   * deviation from the mean absolute error, which an occasional 1 does move.
   */
  private double spread(Window errors) {
    if (errors.size() == 0) {
      return floor;
    }
    double[] sorted = errors.sorted();
    double robust =
        Math.max(MAD_TO_SIGMA * Window.medianOfSorted(sorted), MEAN_TO_SIGMA * errors.mean());
    // heavy tails: the 95th percentile of the errors says how far normal points do stray
    double tail = Window.quantileOfSorted(sorted, 0.95) / 1.96;
    return Math.max(Math.max(robust, tail), floor);
  }

  private void learn(Instant at, double value, Score score) {
    double level = levelValues.size() == 0 ? value : levelValues.median();
    double seasonal = seasonalForecast(at);
    double base = seasonalBase(at);
    int side = (int) Math.signum(value - score.forecast());
    if (score.alert() && side == shiftSide) {
      shiftRun++;
    } else {
      shiftRun = score.alert() ? 1 : 0;
      shiftSide = score.alert() ? side : 0;
    }
    if (shiftRun > 0) {
      shiftValues[shiftRun - 1] = value;
      shiftResiduals[shiftRun - 1] = Double.isNaN(base) ? 0 : value - base;
    }
    if (shiftRun == SHIFT_POINTS) {
      remember(at, value);
      // The series has moved: judge what follows by where it is now, not where it was.
      previousLevel.replaceWith(levelValues.toArray());
      previousResiduals.replaceWith(seasonalResiduals.toArray());
      previousKeptFor = config.recentPoints();
      levelValues.replaceWith(shiftValues);
      seasonalResiduals.replaceWith(shiftResiduals);
      shiftRun = 0;
      shiftSide = 0;
      return;
    }
    double learned = value;
    if (score.alert()) {
      // an outlier teaches only the edge of the normal range
      double edge = config.zAlert() * spread(levelErrors);
      learned = Math.max(level - edge, Math.min(level + edge, value));
    }
    remember(at, learned);
    levelErrors.add(Math.abs(learned - level));
    levelValues.add(learned);
    if (!Double.isNaN(seasonal)) {
      seasonalErrors.add(Math.abs(learned - seasonal));
    }
    if (!Double.isNaN(base)) {
      seasonalResiduals.add(learned - base);
    }
    updateFloor();
  }

  /**
   * A floor under the spread, so that a series that has been perfectly flat does not make its first
   * wobble infinitely unusual: a thousandth of its typical magnitude, or a tiny constant; for a
   * series of counts (whole, non-negative values only), the Poisson spread of its level.
   */
  private void updateFloor() {
    double level = levelValues.median();
    floor = Math.max(1e-9, Math.abs(level) * 1e-3);
    if (counts) {
      // counts vary by about the square root of their level, and by at least one
      floor = Math.max(floor, Math.sqrt(Math.max(1.0, level)));
    }
  }

  private void startSeasons(long intervalSeconds) {
    long day = 86_400;
    slotSeconds = Math.max(60, Math.min(3_600, intervalSeconds));
    int count = (int) (day / slotSeconds);
    slots = new double[count][SEASON_DAYS];
    slotCounts = new int[count];
  }

  private int slotOf(Instant at) {
    long secondOfDay = at.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
    return (int) Math.min(slots.length - 1, secondOfDay / slotSeconds);
  }

  /** Median of the same slot over the last days, or NaN while there are not enough days. */
  private double seasonalBase(Instant at) {
    if (slots == null
        || first == null
        || at.getEpochSecond() - first.getEpochSecond() < SEASON_MIN_DAYS * 86_400L) {
      return Double.NaN;
    }
    int slot = slotOf(at);
    int count = Math.min(slotCounts[slot], SEASON_DAYS);
    if (count < SEASON_MIN_DAYS) {
      return Double.NaN;
    }
    return Window.median(Arrays.copyOf(slots[slot], count));
  }

  private double seasonalForecast(Instant at) {
    double base = seasonalBase(at);
    if (Double.isNaN(base) || seasonalResiduals.size() == 0) {
      return Double.NaN;
    }
    return base + seasonalResiduals.median();
  }

  /** Keeps the point (an outlier as the edge of the normal range) for its time-of-day slot. */
  private void remember(Instant at, double kept) {
    if (slots == null) {
      return;
    }
    int slot = slotOf(at);
    slots[slot][slotCounts[slot] % SEASON_DAYS] = kept;
    slotCounts[slot]++;
  }

  /** Points seen so far. */
  public long points() {
    return points;
  }
}
