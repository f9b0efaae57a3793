package io.outageradar.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealSeriesTest {
  @Test
  void fourteenIndustriesLabelledAtTheRecessionOnsetAndFourWeatherSeriesWithoutALabel() {
    List<LabelledSeries> all = RealSeries.all();

    List<LabelledSeries> unemployment =
        all.stream().filter(s -> s.name().startsWith("unemployment-")).toList();
    assertThat(unemployment).hasSize(14);
    assertThat(unemployment)
        .allSatisfy(
            s -> {
              assertThat(s.values()).hasSize(122);
              assertThat(s.labels()).hasSize(1);
              assertThat(s.times()[s.labels()[0]]).isEqualTo(Instant.parse("2007-12-01T00:00:00Z"));
            });
    assertThat(all)
        .filteredOn(s -> s.name().startsWith("seattle-"))
        .extracting(LabelledSeries::name)
        .containsExactly(
            "seattle-precipitation", "seattle-temp_max", "seattle-temp_min", "seattle-wind");
    assertThat(all)
        .filteredOn(s -> s.name().startsWith("seattle-"))
        .allSatisfy(
            s -> {
              assertThat(s.values()).hasSize(1_461);
              assertThat(s.labels()).isEmpty();
            });
  }
}
