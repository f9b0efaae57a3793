package io.outageradar.tools.series;

import java.math.BigDecimal;
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
 * <p>The spread never collapses: it is at least what the series' errors have been over a long
 * memory ({@link ErrorTail}: its 99th percentile, so a bursty series' usual bursts stay usual after
 * a quiet stretch, and half its median), half the smallest step the values have taken (their
 * resolution: whole numbers move by 1), a thousandth of the level, and for counts the Poisson
 * spread of the level.
 *
 * <p>What it learns from an unusual point is clipped to the edge of the normal range, so a spike
 * does not widen the spread that must detect the next one. When {@link #SHIFT_POINTS} points in a
 * row are unusual on the same side, the series has moved: the recent history restarts from them.
 * The level it left is kept until the next shift: a series that goes back to it (a surge that
 * ended, however long it lasted) is judged by it again at once, instead of the return looking like
 * a second shift.
 *
 * <p>One incident alarms once ({@link Episode}): only the first unusual point of an episode alerts.
 * Its score is {@code 0.5 + 0.5 × (1 − e^{−(z − zAlert) / zAlert})}: 0.5 at the alert threshold,
 * 0.99 at about five times it. Every other point scores below 0.5: {@code z / (z + zAlert)} when
 * usual, half that when unusual inside an episode. Comparable across series because z is in units
 * of each series' own spread.
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

  /** Errors of about a week of 5-minute points make the long memory of a series' volatility. */
  static final int TAIL_HALF_LIFE = 2_016;

  private final SeriesDetectorConfig config;
  private final Window levelValues;
  private final Window levelErrors;
  private final Window seasonalResiduals;
  private final Window seasonalErrors;
  private final Window previousLevel;
  private final Window previousResiduals;
  private boolean previousKept;
  private final ErrorTail levelTail = new ErrorTail(TAIL_HALF_LIFE);
  private final ErrorTail seasonalTail = new ErrorTail(TAIL_HALF_LIFE);
  private final Episode episode;
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
  private double lastValue = Double.NaN;
  private double step = Double.POSITIVE_INFINITY;
  private double written = 1;

  public SeriesDetector(SeriesDetectorConfig config) {
    this.config = config;
    this.levelValues = new Window(config.recentPoints());
    this.levelErrors = new Window(config.recentPoints());
    this.seasonalResiduals = new Window(config.recentPoints());
    this.seasonalErrors = new Window(config.recentPoints());
    this.previousLevel = new Window(config.recentPoints());
    this.previousResiduals = new Window(config.recentPoints());
    this.episode = new Episode(config.warmupPoints(), config.recentPoints());
  }

  /** The verdict on one point. */
  public record Score(double forecast, double z, double score, boolean alert) {}

  /**
   * How a point compares with its forecast, before episodes are considered, and the spread of the
   * level forecast at that moment (what an outlier is clipped to).
   */
  private record Judgement(double forecast, double z, boolean unusual, double levelSpread) {}

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
    Judgement judgement = judge(at, value);
    if (judgement.unusual() && backToPreviousLevel(value)) {
      judgement = judge(at, value);
    }
    boolean alarm = episode.onset(judgement.unusual());
    learn(at, value, judgement);
    noteStep(value);
    return new Score(judgement.forecast(), judgement.z(), scoreOf(judgement, alarm), alarm);
  }

  /** 0.5 and above only for the onset of an episode (see the class comment). */
  private double scoreOf(Judgement judgement, boolean alarm) {
    double z = judgement.z();
    double zAlert = config.zAlert();
    if (alarm) {
      return 0.5 + 0.5 * (1 - Math.exp(-(z - zAlert) / zAlert));
    }
    double usual = z / (z + zAlert);
    return judgement.unusual() ? usual / 2 : Math.min(usual, Math.nextDown(0.5));
  }

  /**
   * The series' resolution: the smallest step between two different values seen, or before any
   * step, the finest decimal its values are written to (12.5 moves by at least 0.1, 42 by 1).
   */
  private void noteStep(double value) {
    double moved = Math.abs(value - lastValue);
    if (moved > 0 && moved < step) {
      step = moved;
    }
    if (step == Double.POSITIVE_INFINITY && Double.isFinite(value)) {
      int decimals = Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale());
      written = Math.min(written, Math.pow(10, -decimals));
    }
    lastValue = value;
  }

  private double resolution() {
    return step < Double.POSITIVE_INFINITY ? step : written;
  }

  /**
   * Until the next shift, a point that fits the level the series shifted away from takes the series
   * back to it.
   */
  private boolean backToPreviousLevel(double value) {
    if (!previousKept) {
      return false;
    }
    double z = Math.abs(value - previousLevel.median()) / spread(levelErrors, levelTail);
    if (z >= config.zAlert()) {
      return false;
    }
    levelValues.replaceWith(previousLevel.toArray());
    seasonalResiduals.replaceWith(previousResiduals.toArray());
    previousKept = false;
    return true;
  }

  private Judgement judge(Instant at, double value) {
    if (levelValues.size() < config.warmupPoints()) {
      return new Judgement(value, 0, false, Double.NaN);
    }
    double level = levelValues.median();
    double levelSpread = spread(levelErrors, levelTail);
    double forecast = level;
    double spread = levelSpread;
    double seasonal = seasonalForecast(at);
    if (!Double.isNaN(seasonal) && seasonalErrors.size() >= config.warmupPoints()) {
      double seasonalSpread = spread(seasonalErrors, seasonalTail);
      if (seasonalSpread < levelSpread) {
        forecast = seasonal;
        spread = seasonalSpread;
      }
    }
    double z = Math.abs(value - forecast) / spread;
    return new Judgement(forecast, z, z >= config.zAlert(), levelSpread);
  }

  /**
   * The spread of a forecast's errors: 1.4826 × their median, or, for a series whose errors are
   * mostly exactly zero (sparse counts), 1.2533 × their mean, the same estimate of a normal
   * deviation from the mean absolute error, which an occasional 1 does move.
   */
  private double spread(Window errors, ErrorTail tail) {
    if (errors.size() == 0) {
      return floor;
    }
    double[] sorted = errors.sorted();
    double robust =
        Math.max(MAD_TO_SIGMA * Window.medianOfSorted(sorted), MEAN_TO_SIGMA * errors.mean());
    // heavy tails: the 95th percentile of the errors says how far normal points do stray
    double recentTail = Window.quantileOfSorted(sorted, 0.95) / 1.96;
    return Math.max(Math.max(robust, recentTail), Math.max(floor, longMemory(tail)));
  }

  /** What a forecast's errors have been over the long memory: the series' own volatility. */
  private static double longMemory(ErrorTail tail) {
    return Math.max(tail.quantile(0.99) / 2.576, tail.quantile(0.5) * MAD_TO_SIGMA / 2);
  }

  private void learn(Instant at, double value, Judgement judgement) {
    double level = levelValues.size() == 0 ? value : levelValues.median();
    double seasonal = seasonalForecast(at);
    double base = seasonalBase(at);
    int side = (int) Math.signum(value - judgement.forecast());
    if (judgement.unusual() && side == shiftSide) {
      shiftRun++;
    } else {
      shiftRun = judgement.unusual() ? 1 : 0;
      shiftSide = judgement.unusual() ? side : 0;
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
      previousKept = true;
      levelValues.replaceWith(shiftValues);
      seasonalResiduals.replaceWith(shiftResiduals);
      shiftRun = 0;
      shiftSide = 0;
      return;
    }
    double learned = value;
    if (judgement.unusual()) {
      // an outlier teaches only the edge of the normal range
      double edge = config.zAlert() * judgement.levelSpread();
      learned = Math.max(level - edge, Math.min(level + edge, value));
    }
    remember(at, learned);
    levelErrors.add(Math.abs(learned - level));
    boolean warm = levelValues.size() >= config.warmupPoints();
    if (warm) {
      levelTail.add(learned - level);
    }
    levelValues.add(learned);
    if (!Double.isNaN(seasonal)) {
      seasonalErrors.add(Math.abs(learned - seasonal));
      if (warm) {
        seasonalTail.add(learned - seasonal);
      }
    }
    if (!Double.isNaN(base)) {
      seasonalResiduals.add(learned - base);
    }
    updateFloor();
  }

  /**
   * A floor under the spread, so that a series that has been perfectly flat does not make its first
   * wobble infinitely unusual: a thousandth of its typical magnitude, half its resolution, or a
   * tiny constant; for a series of counts (whole, non-negative values only), the Poisson spread of
   * its level.
   */
  private void updateFloor() {
    double level = levelValues.median();
    floor = Math.max(1e-9, Math.abs(level) * 1e-3);
    floor = Math.max(floor, resolution() / 2);
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
