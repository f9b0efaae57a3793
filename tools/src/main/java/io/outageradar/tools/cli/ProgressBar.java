package io.outageradar.tools.cli;

import io.outageradar.simulation.ScenarioPublisher.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * A one-line progress bar on the terminal ({@code \r}-redrawn at most five times a second); prints
 * nothing when the output is not a terminal, so logs and pipes stay clean.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter out;
  private final String label;
  private final ToDoubleFunction<Instant> fractionAt;
  private long lastDrawNanos;
  private boolean drawn;

  private ProgressBar(PrintWriter out, String label, ToDoubleFunction<Instant> fractionAt) {
    this.out = out;
    this.label = label;
    this.fractionAt = fractionAt;
  }

  /** Progress through a scenario's event time, from its start to its end. */
  static Progress ofEventTime(
      PrintWriter out, String label, Instant start, Instant end, boolean terminal) {
    double span = Math.max(1, Duration.between(start, end).toMillis());
    return terminal
        ? new ProgressBar(
            out, label, at -> at == null ? 0 : (at.toEpochMilli() - start.toEpochMilli()) / span)
        : Progress.NONE;
  }

  /** Progress through a wall-clock run of the given length, from now. */
  static Progress ofWallClock(PrintWriter out, String label, Duration length, boolean terminal) {
    long startNanos = System.nanoTime();
    double span = Math.max(1, length.toNanos());
    return terminal
        ? new ProgressBar(out, label, at -> (System.nanoTime() - startNanos) / span)
        : Progress.NONE;
  }

  /** Whether this process writes to an interactive terminal. */
  static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public void sent(long count, Instant eventTime) {
    long now = System.nanoTime();
    if (drawn && now - lastDrawNanos < REDRAW_NANOS) {
      return;
    }
    lastDrawNanos = now;
    drawn = true;
    out.print("\r" + render(label, fractionAt.applyAsDouble(eventTime), count));
    out.flush();
  }

  /** Ends the bar's line, so what is printed next starts on its own. */
  void finish() {
    if (drawn) {
      out.println();
    }
  }

  static void finish(Progress progress) {
    if (progress instanceof ProgressBar bar) {
      bar.finish();
    }
  }

  static String render(String label, double fraction, long count) {
    double clamped = Math.max(0, Math.min(1, fraction));
    int filled = (int) Math.round(clamped * WIDTH);
    return String.format(
        "%s [%s%s] %3d%% %,d events",
        label, "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(clamped * 100), count);
  }
}
