package io.outageradar.detection.impact;

import static io.outageradar.testkit.Outages.outage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.RegionImpact;
import io.outageradar.testkit.Outages;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactCalculatorTest {
  private static final Instant ONSET = Outages.ONSET;
  private final RevenueTable revenue =
      RevenueTable.parse(
          "whatsapp|BR=25000.00 BRL, instagram|BR=12000.50 BRL, whatsapp|US=1000 USD");

  @Test
  void parsesAmountsIntoMinorUnitsOfTheCurrency() {
    assertThat(revenue.perHour("whatsapp", "BR")).isEqualTo(new Money(2_500_000L, "BRL"));
    assertThat(revenue.perHour("instagram", "BR")).isEqualTo(new Money(1_200_050L, "BRL"));
    assertThat(RevenueTable.parse("x|JP=1500 JPY").perHour("x", "JP"))
        .isEqualTo(new Money(1500L, "JPY"));
    assertThat(revenue.perHour("facebook", "BR")).isNull();
  }

  @Test
  void rejectsAnEntryItCannotRead() {
    assertThatThrownBy(() -> RevenueTable.parse("whatsapp|BR=lots"))
        .hasMessageContaining("whatsapp|BR=lots");
    assertThatThrownBy(() -> RevenueTable.parse("whatsapp|BR=10 XYZ"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevenueTable.parse("whatsapp|BR=10.001 BRL"))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void lossIsRevenuePerHourTimesHoursDownTimesShareUnavailable() {
    ImpactCalculator calculator = new ImpactCalculator(revenue);
    Instant asOf = ONSET.plusSeconds(90 * 60); // 1.5 h

    RegionImpact impact =
        calculator.impact(
            "BR",
            List.of(
                outage("whatsapp", OutageScope.GLOBAL, List.of("BR", "US"), 1.0),
                outage("instagram", OutageScope.GLOBAL, List.of("BR"), 0.5)),
            asOf);

    // 2,500,000 x 1.5 x 1.0 + 1,200,050 x 1.5 x 0.5 = 3,750,000 + 900,037.5 -> 4,650,038 (half-up,
    // once)
    assertThat(impact.getEstimatedLoss()).isEqualTo(new Money(4_650_038L, "BRL"));
    assertThat(impact.getAffectedServices()).containsExactly("instagram", "whatsapp");
    assertThat(impact.getDurationMs()).isEqualTo(90 * 60_000L);
    assertThat(impact.getSince()).isEqualTo(ONSET);
    assertThat(impact.getSeverity()).isEqualTo(3.0); // 1.0 x 1.5 h x 2 (global)
  }

  @Test
  void carriesReportsAndTheirSentimentAndDoublesSeverityWhenSignalsAgree() {
    OutageEvent reported =
        OutageEvent.newBuilder(outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 1.0))
            .setReports(300)
            .setMeanSentiment(-0.6)
            .build();
    OutageEvent quiet =
        OutageEvent.newBuilder(outage("instagram", OutageScope.REGIONAL, List.of("BR"), 1.0))
            .setReports(100)
            .setMeanSentiment(-0.2)
            .build();

    RegionImpact impact =
        new ImpactCalculator(revenue)
            .impact("BR", List.of(reported, quiet), ONSET.plusSeconds(3600));

    assertThat(impact.getReports()).isEqualTo(400);
    assertThat(impact.getMeanSentiment())
        .isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ImpactCalculator.severity(reported, java.time.Duration.ofHours(1))).isEqualTo(2.0);
    OutageEvent unreported = outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 1.0);
    assertThat(ImpactCalculator.severity(unreported, java.time.Duration.ofHours(1))).isEqualTo(1.0);
  }

  @Test
  void aRegionWithoutOpenOutagesOrRevenueCostsNothing() {
    ImpactCalculator calculator = new ImpactCalculator(revenue);
    RegionImpact none = calculator.impact("BR", List.of(), ONSET);
    assertThat(none.getEstimatedLoss()).isEqualTo(new Money(0L, "BRL"));
    assertThat(none.getSince()).isNull();
    assertThat(none.getDurationMs()).isZero();

    RegionImpact unpriced =
        calculator.impact(
            "DE",
            List.of(outage("whatsapp", OutageScope.GLOBAL, List.of("DE"), 1.0)),
            ONSET.plusSeconds(3600));
    assertThat(unpriced.getEstimatedLoss()).isEqualTo(new Money(0L, "XXX"));
  }
}
