package io.outageradar.tools.evaluation;

import java.util.List;

/**
 * How often a detector raises its own alarm (a score at or above {@link #ALARM}) where nothing is
 * labelled, and how many alarms each labelled anomaly gets — the two figures a user feels: a
 * detector that alarms on ordinary points is muted, one that alarms a hundred times per incident is
 * too. Counted after each series' probationary period, with the anomaly windows {@link NabScore}
 * uses.
 *
 * @param normalPoints points outside every anomaly window, after probation
 * @param falseAlarms alarms among them
 * @param anomalies labelled anomalies (windows) after probation
 * @param anomalyAlarms alarms inside their windows
 * @param anomaliesAlarmed windows with at least one alarm
 */
public record AlarmCounts(
    long normalPoints, long falseAlarms, int anomalies, long anomalyAlarms, int anomaliesAlarmed) {
  /** The score at which the detectors alarm (for the series detector, z at the alert threshold). */
  public static final double ALARM = 0.5;

  /** Counts over every scored series. */
  public static AlarmCounts of(List<NabScore.Scored> corpus) {
    long normal = 0;
    long falseAlarms = 0;
    int anomalies = 0;
    long anomalyAlarms = 0;
    int alarmed = 0;
    for (NabScore.Scored series : corpus) {
      NabScore.Windows windows = NabScore.Windows.of(series.length(), series.labels());
      boolean[] hit = new boolean[windows.start().length];
      double[] scores = series.scores();
      for (int i = windows.probation(); i < scores.length; i++) {
        int window = windows.of(i);
        boolean alarm = scores[i] >= ALARM;
        if (window < 0) {
          normal++;
          falseAlarms += alarm ? 1 : 0;
        } else if (alarm) {
          anomalyAlarms++;
          hit[window] = true;
        }
      }
      for (int w = 0; w < hit.length; w++) {
        if (windows.end()[w] >= windows.probation()) {
          anomalies++;
          alarmed += hit[w] ? 1 : 0;
        }
      }
    }
    return new AlarmCounts(normal, falseAlarms, anomalies, anomalyAlarms, alarmed);
  }

  /** False alarms per 10,000 normal points. */
  public double falseAlarmsPer10k() {
    return normalPoints == 0 ? 0 : 10_000.0 * falseAlarms / normalPoints;
  }

  /** Alarms inside anomaly windows per labelled anomaly (0 when nothing is labelled). */
  public double alarmsPerAnomaly() {
    return anomalies == 0 ? 0 : (double) anomalyAlarms / anomalies;
  }
}
