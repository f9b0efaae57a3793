package io.outageradar.tools.series;

import java.util.Arrays;

/** The latest values of a series, at most a fixed number, with their median. */
final class Window {
  private final double[] values;
  private int start;
  private int size;

  Window(int capacity) {
    this.values = new double[capacity];
  }

  void add(double value) {
    if (size < values.length) {
      values[(start + size) % values.length] = value;
      size++;
    } else {
      values[start] = value;
      start = (start + 1) % values.length;
    }
  }

  int size() {
    return size;
  }

  /** Replaces the contents with these values, oldest first. */
  void replaceWith(double[] latest) {
    start = 0;
    size = 0;
    for (double value : latest) {
      add(value);
    }
  }

  /** The values, oldest first. */
  double[] toArray() {
    double[] copy = new double[size];
    for (int i = 0; i < size; i++) {
      copy[i] = values[(start + i) % values.length];
    }
    return copy;
  }

  /** The mean, summed oldest first without copying. */
  double mean() {
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[(start + i) % values.length];
    }
    return size == 0 ? 0 : sum / size;
  }

  /** The values, smallest first: one sort serves several order statistics. */
  double[] sorted() {
    double[] sorted = toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** The value below which a share {@code q} of sorted values lie (nearest rank). */
  static double quantileOfSorted(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  double median() {
    return medianOfSorted(sorted());
  }

  /** The median of {@code values}, which it sorts in place. */
  static double median(double[] values) {
    Arrays.sort(values);
    return medianOfSorted(values);
  }

  static double medianOfSorted(double[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
