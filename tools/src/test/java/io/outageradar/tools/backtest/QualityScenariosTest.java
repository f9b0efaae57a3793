package io.outageradar.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.Facebook2021Scenario;
import io.outageradar.simulation.FlappingAgentScenario;
import io.outageradar.simulation.QuietWeekScenario;
import io.outageradar.simulation.RegionalIspScenario;
import io.outageradar.simulation.ReportFloodScenario;
import io.outageradar.simulation.Scenario;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.tools.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The detection quality the product promises, on whole scenarios run through the real topologies
 * (TopologyTestDriver, event times from the scenarios): catch the 2021-style global outage within a
 * minute of event time, and stay silent on everything that is not an outage.
 */
class QualityScenariosTest {
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();

  private static Outcome run(Scenario scenario) {
    return Backtest.run(
        scenario.name(), scenario.probes(), CONFIG, ReportDetectionConfig.defaults());
  }

  @Test
  void the2021OutageIsOneGlobalDnsOutagePerServiceConfirmedWithinAMinute() {
    Outcome result = run(new Facebook2021Scenario(42));

    assertThat(result.outages())
        .extracting(OutageEvent::getService)
        .containsExactlyInAnyOrderElementsOf(Facebook2021Scenario.SERVICES);
    for (OutageEvent outage : result.outages()) {
      assertThat(outage.getScope()).isEqualTo(OutageScope.GLOBAL);
      assertThat(outage.getRegions()).containsExactlyInAnyOrder("BR", "DE", "GB", "IN", "NL", "US");
      assertThat(outage.getCause()).isEqualTo(CauseHint.DNS);
      assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
      assertThat(Duration.between(outage.getOnset(), outage.getConfirmedAt()))
          .isLessThanOrEqualTo(Duration.ofSeconds(60));
      assertThat(outage.getResolvedAt()).isAfter(outage.getConfirmedAt());
    }
    Map<String, java.util.List<PageAction>> pagesByService =
        result.pages().stream()
            .collect(
                Collectors.groupingBy(
                    Page::getService, Collectors.mapping(Page::getAction, Collectors.toList())));
    assertThat(pagesByService)
        .hasSize(3)
        .allSatisfy(
            (service, actions) ->
                assertThat(actions).containsExactly(PageAction.TRIGGER, PageAction.RESOLVE));
  }

  @Test
  void oneCountrysIspFailureIsARegionalOutageThereOnly() {
    Outcome result = run(new RegionalIspScenario(7));

    assertThat(result.outages())
        .hasSize(3)
        .allSatisfy(
            outage -> {
              assertThat(outage.getScope()).isEqualTo(OutageScope.REGIONAL);
              assertThat(outage.getRegions()).containsExactly(RegionalIspScenario.REGION);
              assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
            });
    assertThat(result.pages()).hasSize(6);
  }

  @Test
  void aQuietWeekOfDiurnalReportsWithNoiseNeverPages() {
    Scenario week = new QuietWeekScenario(21);
    Outcome result =
        Backtest.run(week.name(), week.reports(), CONFIG, ReportDetectionConfig.defaults());

    assertThat(result.eventsReplayed()).isGreaterThan(150_000);
    assertThat(result.judged().reportMinutes())
        .as("a week of report minutes was judged")
        .isGreaterThan(7 * 24 * 60);
    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }

  @Test
  void aBrokenAgentAndAFlappingOneNeverPage() {
    Outcome result = run(new FlappingAgentScenario(3));

    assertThat(result.eventsReplayed())
        .isEqualTo(4 * 120 * 18 * 3 * 2); // 4 h of 30 s rounds, 18 agents, 3 services, 2 checks
    // every 30 s window of 3 services in 6 regions over 4 hours was judged
    assertThat(result.judged().probeWindows()).isGreaterThanOrEqualTo(4 * 120 * 3 * 6);
    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }

  /**
   * 40 quiet minutes of 20 reporters each about whatsapp in BR, then 5 minutes of {@code
   * surgePerMinute} reports.
   */
  private static Stream<UserReport> reports(
      java.util.function.BiFunction<Integer, Integer, String> surgeReporter, int surgePerMinute) {
    Instant t0 = Instant.parse("2024-02-05T12:00:00Z");
    Stream.Builder<UserReport> reports = Stream.builder();
    for (int minute = 0; minute < 50; minute++) {
      boolean surge = minute >= 40 && minute < 45;
      int count = surge ? surgePerMinute : 20;
      for (int i = 0; i < count; i++) {
        String reporter = surge ? surgeReporter.apply(minute, i) : "u-" + minute + "-" + i;
        reports.add(
            UserReport.newBuilder()
                .setReportId(UUID.randomUUID().toString())
                .setService("whatsapp")
                .setRegion("BR")
                .setReporterId(reporter)
                .setSource(ReportSource.APP)
                .setCategory(ReportCategory.MESSAGING)
                .setText("nao funciona")
                .setLang("pt")
                .setReportedAt(t0.plusSeconds(60L * minute + (i * 59L) / count))
                .setSentiment(-0.6)
                .build());
      }
    }
    return reports.build();
  }

  @Test
  void aSurgeOfDistinctReportersIsARegionalOutageEvenWhenProbesSeeNothing() {
    Outcome result =
        Backtest.run(
            "report-surge",
            reports((minute, i) -> "surge-" + minute + "-" + i, 300),
            CONFIG,
            ReportDetectionConfig.defaults());

    assertThat(result.outages()).hasSize(1);
    OutageEvent outage = result.outages().get(0);
    assertThat(outage.getScope()).isEqualTo(OutageScope.REGIONAL);
    assertThat(outage.getRegions()).containsExactly("BR");
    assertThat(outage.getOnset()).isEqualTo(Instant.parse("2024-02-05T12:40:00Z"));
    assertThat(outage.getConfirmedAt()).isEqualTo(Instant.parse("2024-02-05T12:43:00Z"));
    assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
  }

  @Test
  void theReportFloodScenarioNeverPages() {
    Scenario flood = new ReportFloodScenario(5);
    Outcome result =
        Backtest.run(
            flood.name(), ScenarioEvents.of(flood), CONFIG, ReportDetectionConfig.defaults());

    assertThat(result.eventsReplayed()).isGreaterThan(3_000);
    assertThat(result.judged().reportMinutes()).as("report minutes judged").isPositive();
    assertThat(result.pages()).isEmpty();
  }

  @Test
  void aReportFloodFromOneReporterNeverPages() {
    Outcome result =
        Backtest.run(
            "report-flood",
            reports((minute, i) -> "one-angry-user", 2000),
            CONFIG,
            ReportDetectionConfig.defaults());

    assertThat(result.judged().reportMinutes())
        .as("every minute of the 50 was judged")
        .isGreaterThanOrEqualTo(50);
    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }
}
