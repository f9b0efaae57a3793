package io.outageradar.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On the labelled corpus, under every profile, the series detector must beat the naive rolling
 * z-score, which must beat detecting nothing; and it alarms about once per anomaly and rarely
 * anywhere else. (The numbers themselves are the evaluate command's and are written down in
 * docs/detection.md.)
 */
class SeriesEvaluationTest {
  @Test
  void theSeriesDetectorBeatsTheNaiveBaselineUnderEveryProfile() {
    List<LabelledSeries> corpus = SeriesEvaluation.corpus(7);
    assertThat(corpus).extracting(LabelledSeries::name).contains("reports-surge", "noise-spike");

    Map<String, SeriesEvaluation.Row> rows =
        SeriesEvaluation.run(corpus, SeriesEvaluation.detectors()).stream()
            .collect(Collectors.toMap(SeriesEvaluation.Row::detector, row -> row));

    for (int profile = 0; profile < NabScore.PROFILES.size(); profile++) {
      double nothing = rows.get("null (never alerts)").results().get(profile).score();
      double naive = rows.get("rolling z-score (100 points)").results().get(profile).score();
      double ours = rows.get("series detector").results().get(profile).score();
      assertThat(nothing).isZero();
      assertThat(naive).isGreaterThan(nothing);
      assertThat(ours).as(NabScore.PROFILES.get(profile).name()).isGreaterThan(naive + 5);
    }
    AlarmCounts alarms = rows.get("series detector").alarms();
    assertThat(alarms.alarmsPerAnomaly()).isBetween(0.3, 1.5);
    assertThat(alarms.falseAlarmsPer10k())
        .as("a tenth of the naive baseline's at most")
        .isLessThan(rows.get("rolling z-score (100 points)").alarms().falseAlarmsPer10k() / 10);
  }
}
