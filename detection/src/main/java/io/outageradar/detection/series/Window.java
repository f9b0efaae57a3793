package io.outageradar.detection.series;

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

  double mean() {
    double sum = 0;
    for (double value : toArray()) {
      sum += value;
    }
    return size == 0 ? 0 : sum / size;
  }

  /** The value below which a share {@code q} of the values lie (nearest rank). */
  double quantile(double q) {
    double[] sorted = toArray();
    if (sorted.length == 0) {
      return 0;
    }
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  double median() {
    return median(toArray());
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }
}
