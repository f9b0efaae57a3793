package io.outageradar.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmCountsTest {
  @Test
  void alarmsOutsideWindowsAreFalseAndInsideCountPerAnomaly() {
    // 1,000 points, probation 150; one label at 600 → window 550..650
    double[] scores = new double[1_000];
    scores[100] = 0.9; // in probation: not counted
    scores[300] = 0.5; // false alarm
    scores[400] = 0.49; // below the alarm
    scores[590] = 0.7;
    scores[600] = 0.99;
    scores[640] = 0.6;

    AlarmCounts counts =
        AlarmCounts.of(List.of(new NabScore.Scored(1_000, new int[] {600}, scores)));

    assertThat(counts.normalPoints()).isEqualTo(850 - 101);
    assertThat(counts.falseAlarms()).isEqualTo(1);
    assertThat(counts.anomalies()).isEqualTo(1);
    assertThat(counts.anomalyAlarms()).isEqualTo(3);
    assertThat(counts.anomaliesAlarmed()).isEqualTo(1);
    assertThat(counts.alarmsPerAnomaly()).isEqualTo(3.0);
    assertThat(counts.falseAlarmsPer10k()).isEqualTo(10_000.0 / 749);
  }
}
