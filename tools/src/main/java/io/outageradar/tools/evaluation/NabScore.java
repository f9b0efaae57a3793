package io.outageradar.tools.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores anomaly scores against labels the way the Numenta Anomaly Benchmark does: a window of 10 %
 * of a series' length, shared among its labels, is centred on each label; the earliest detection in
 * a window earns a reward that falls from about 1 at the window's start to 0 at its end (a scaled
 * sigmoid); a window without a detection costs {@code fn}; a detection outside every window costs
 * up to {@code fp}, less when it comes just after a window; detections in the first 15 % of a
 * series (at most 750 points, the probationary period) do not count. One threshold for all series
 * is chosen per profile to maximise the total, which is normalised so that detecting nothing scores
 * 0 and detecting every window at its start scores 100.
 */
public final class NabScore {
  /** Weights of a scoring profile. */
  public record Profile(String name, double tp, double fp, double fn) {}

  public static final List<Profile> PROFILES =
      List.of(
          new Profile("standard", 1.0, 0.11, 1.0),
          new Profile("reward_low_FP_rate", 1.0, 0.22, 1.0),
          new Profile("reward_low_FN_rate", 1.0, 0.11, 2.0));

  /** One series: its anomaly labels (point indices) and a detector's scores for its points. */
  public record Scored(int length, int[] labels, double[] scores) {}

  /** The best a detector did under a profile. */
  public record Result(
      Profile profile,
      double score,
      double threshold,
      int detected,
      int windows,
      int falsePositives) {}

  private NabScore() {}

  public static Result score(List<Scored> series, Profile profile) {
    List<Sweep> sweeps = new ArrayList<>();
    double nullTotal = 0;
    double perfect = 0;
    int windows = 0;
    List<double[]> candidates = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      Sweep sweep = new Sweep(series.get(s), profile);
      sweeps.add(sweep);
      nullTotal += sweep.total;
      perfect += sweep.windowStart.length * profile.tp() * sigmoid(-1.0);
      windows += sweep.windowStart.length;
      double[] scores = series.get(s).scores();
      for (int i = sweep.probation; i < scores.length; i++) {
        if (Double.isNaN(scores[i])) {
          throw new IllegalArgumentException("series " + s + " point " + i + " scored NaN");
        }
        candidates.add(new double[] {scores[i], s, i});
      }
    }
    candidates.sort((a, b) -> Double.compare(b[0], a[0]));
    double best = nullTotal;
    double bestThreshold = Double.POSITIVE_INFINITY;
    double total = nullTotal;
    int i = 0;
    while (i < candidates.size()) {
      double threshold = candidates.get(i)[0];
      while (i < candidates.size() && Double.compare(candidates.get(i)[0], threshold) == 0) {
        double[] c = candidates.get(i);
        total += sweeps.get((int) c[1]).detect((int) c[2]);
        i++;
      }
      if (total > best) {
        best = total;
        bestThreshold = threshold;
      }
    }
    int detected = 0;
    int falsePositives = 0;
    for (int s = 0; s < series.size(); s++) {
      Sweep replay = new Sweep(series.get(s), profile);
      double[] scores = series.get(s).scores();
      for (int p = replay.probation; p < scores.length; p++) {
        if (scores[p] >= bestThreshold) {
          replay.detect(p);
        }
      }
      detected += replay.detectedWindows();
      falsePositives += replay.falsePositives;
    }
    double normalised = perfect == nullTotal ? 0 : 100 * (best - nullTotal) / (perfect - nullTotal);
    return new Result(profile, normalised, bestThreshold, detected, windows, falsePositives);
  }

  /** NAB's scaled sigmoid: about 1 at -1 (window start), 0 at 0 (window end), down to -1 beyond. */
  static double sigmoid(double x) {
    if (x > 3) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * x)) - 1.0;
  }

  /**
   * The anomaly windows of a series and its probationary period: a window of 10 % of the series'
   * length, shared among its labels, centred on each; the first 15 % (at most 750 points) is
   * probation.
   */
  record Windows(int[] start, int[] end, int probation) {
    static Windows of(int length, int[] labelled) {
      int[] labels = labelled.clone();
      Arrays.sort(labels);
      int windowLength = labels.length == 0 ? 0 : (int) (0.10 * length / labels.length);
      int[] start = new int[labels.length];
      int[] end = new int[labels.length];
      for (int w = 0; w < labels.length; w++) {
        start[w] = Math.max(0, labels[w] - windowLength / 2);
        end[w] = Math.min(length - 1, labels[w] + windowLength / 2);
      }
      return new Windows(start, end, (int) Math.min(Math.floor(0.15 * length), 750));
    }

    /** The window {@code point} lies in, or -1. */
    int of(int point) {
      for (int w = 0; w < start.length; w++) {
        if (point >= start[w] && point <= end[w]) {
          return w;
        }
      }
      return -1;
    }
  }

  /** One series under one profile, with detections added one at a time in any order. */
  private static final class Sweep {
    final int[] windowStart;
    final int[] windowEnd;
    final int[] earliest;
    final int probation;
    final Profile profile;
    double total;
    int falsePositives;

    Sweep(Scored series, Profile profile) {
      this.profile = profile;
      Windows windows = Windows.of(series.length(), series.labels());
      windowStart = windows.start();
      windowEnd = windows.end();
      earliest = new int[windowStart.length];
      Arrays.fill(earliest, -1);
      probation = windows.probation();
      total = -profile.fn() * windowStart.length;
    }

    /** Adds a detection at a point; returns how the total changed. */
    double detect(int point) {
      for (int w = 0; w < windowStart.length; w++) {
        if (point >= windowStart[w] && point <= windowEnd[w]) {
          double before = earliest[w] < 0 ? -profile.fn() : reward(w, earliest[w]);
          if (earliest[w] < 0 || point < earliest[w]) {
            earliest[w] = point;
          }
          double after = reward(w, earliest[w]);
          total += after - before;
          return after - before;
        }
      }
      double cost = falsePositive(point);
      falsePositives++;
      total += cost;
      return cost;
    }

    private double reward(int w, int point) {
      double length = windowEnd[w] - windowStart[w] + 1;
      double position = -(windowEnd[w] - point + 1) / length;
      return profile.tp() * sigmoid(position);
    }

    private double falsePositive(int point) {
      int previous = -1;
      for (int w = 0; w < windowEnd.length; w++) {
        if (windowEnd[w] < point) {
          previous = w;
        }
      }
      if (previous < 0) {
        return -profile.fp();
      }
      double length = windowEnd[previous] - windowStart[previous] + 1;
      double past = Math.abs(windowEnd[previous] - point) / Math.max(1.0, length - 1);
      return profile.fp() * sigmoid(past);
    }

    int detectedWindows() {
      int n = 0;
      for (int e : earliest) {
        n += e >= 0 ? 1 : 0;
      }
      return n;
    }
  }
}
