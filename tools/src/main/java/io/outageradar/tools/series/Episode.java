package io.outageradar.tools.series;

/**
 * Whether a series is inside an unusual episode, so that one incident alarms once: at its onset,
 * not at every unusual point of a surge, a new level or a noisy hour.
 *
 * <p>An episode opens at an unusual point and closes after enough usual points in a row. How many
 * is learned from the episode itself: as many as it has lasted so far, at least {@code minCalm} and
 * at most {@code maxCalm} — a lone spike is over after a few calm points, an hour of trouble (or of
 * a new, noisier normal the detector is still learning) needs a longer calm before a new alarm
 * means a new incident.
 */
final class Episode {
  private final int minCalm;
  private final int maxCalm;
  private boolean open;
  private int lasted;
  private int calmRun;

  Episode(int minCalm, int maxCalm) {
    this.minCalm = minCalm;
    this.maxCalm = maxCalm;
  }

  /** Takes the next point's verdict; returns whether it opens an episode (an alarm). */
  boolean onset(boolean unusual) {
    if (!open) {
      if (unusual) {
        open = true;
        lasted = 1;
        calmRun = 0;
      }
      return unusual;
    }
    lasted++;
    if (unusual) {
      calmRun = 0;
    } else if (++calmRun >= Math.max(minCalm, Math.min(maxCalm, lasted - calmRun))) {
      open = false;
    }
    return false;
  }

  boolean open() {
    return open;
  }
}
