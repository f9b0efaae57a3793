package io.outageradar.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void theTablePerSeriesShowsEachSeriesItsOwnAlarmsFromTheScoresTheRunKept() {
    List<LabelledSeries> corpus =
        List.of(series("quiet", new int[0]), series("surge", new int[] {600}));
    AtomicInteger scorings = new AtomicInteger();
    SeriesEvaluation.Detector never =
        new SeriesEvaluation.Detector(
            "never",
            s -> {
              scorings.incrementAndGet();
              return new double[s.values().length];
            });
    SeriesEvaluation.Detector late =
        new SeriesEvaluation.Detector(
            "alarms at 900",
            s -> {
              scorings.incrementAndGet();
              double[] scores = new double[s.values().length];
              scores[900] = 1;
              return scores;
            });

    List<SeriesEvaluation.Row> rows = SeriesEvaluation.run(corpus, List.of(never, late));
    String table = SeriesEvaluation.perSeriesMarkdown(corpus, rows);

    assertThat(scorings).as("each series scored once per detector").hasValue(4);
    assertThat(table.lines())
        .containsExactly(
            "| series | never | alarms at 900 |",
            "| --- | ---: | ---: |",
            "| quiet | 0.0 | " + falseAlarms(corpus.get(0)) + " |",
            "| surge | 0.0; 0.00 per anomaly | "
                + falseAlarms(corpus.get(1))
                + "; 0.00 per anomaly |");
  }

  private static LabelledSeries series(String name, int[] labels) {
    Instant[] times = new Instant[1000];
    for (int i = 0; i < times.length; i++) {
      times[i] = Instant.ofEpochSecond(60L * i);
    }
    return new LabelledSeries(name, times, new double[times.length], labels);
  }

  /** What the late detector's one alarm counts for in {@code series}, as the table prints it. */
  private static String falseAlarms(LabelledSeries series) {
    double[] scores = new double[series.values().length];
    scores[900] = 1;
    AlarmCounts counts =
        AlarmCounts.of(List.of(new NabScore.Scored(scores.length, series.labels(), scores)));
    assertThat(counts.falseAlarms()).isEqualTo(1);
    return String.format(Locale.ROOT, "%.1f", counts.falseAlarmsPer10k());
  }
}
