package io.outageradar.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.app.demo.DemoResult;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.producers.replay.Facebook2021Scenario;
import io.outageradar.producers.replay.FlappingAgentScenario;
import io.outageradar.producers.replay.QuietWeekScenario;
import io.outageradar.producers.replay.ReportFloodScenario;
import io.outageradar.producers.replay.ScenarioEvents;
import io.outageradar.producers.replay.RegionalIspScenario;
import io.outageradar.producers.replay.Scenario;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The detection quality the product promises, on whole scenarios run through the real topologies
 * (TopologyTestDriver, event times from the scenarios): catch the 2021-style global outage within a
 * minute of event time, and stay silent on everything that is not an outage.
 */
class QualityScenariosTest {
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();

  private static DemoResult run(Scenario scenario) {
    return Backtest.run(scenario.name(), scenario.probes(), CONFIG, ReportDetectionConfig.defaults());
  }

  @Test
  void the2021OutageIsOneGlobalDnsOutagePerServiceConfirmedWithinAMinute() {
    DemoResult result = run(new Facebook2021Scenario(42));

    assertThat(result.outages()).extracting(OutageEvent::getService)
        .containsExactlyInAnyOrderElementsOf(Facebook2021Scenario.SERVICES);
    for (OutageEvent outage : result.outages()) {
      assertThat(outage.getScope()).isEqualTo(OutageScope.GLOBAL);
      assertThat(outage.getRegions()).containsExactlyInAnyOrder("BR", "DE", "GB", "IN", "NL", "US");
      assertThat(outage.getCause()).isEqualTo(CauseHint.DNS);
      assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
      assertThat(Duration.between(outage.getOnset(), outage.getConfirmedAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
      assertThat(outage.getResolvedAt()).isAfter(outage.getConfirmedAt());
    }
    Map<String, java.util.List<PageAction>> pagesByService = result.pages().stream()
        .collect(Collectors.groupingBy(Page::getService, Collectors.mapping(Page::getAction, Collectors.toList())));
    assertThat(pagesByService).hasSize(3)
        .allSatisfy((service, actions) -> assertThat(actions).containsExactly(PageAction.TRIGGER, PageAction.RESOLVE));
  }

  @Test
  void oneCountrysIspFailureIsARegionalOutageThereOnly() {
    DemoResult result = run(new RegionalIspScenario(7));

    assertThat(result.outages()).hasSize(3).allSatisfy(outage -> {
      assertThat(outage.getScope()).isEqualTo(OutageScope.REGIONAL);
      assertThat(outage.getRegions()).containsExactly(RegionalIspScenario.REGION);
      assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
    });
    assertThat(result.pages()).hasSize(6);
  }

  @Test
  void aQuietWeekOfDiurnalReportsWithNoiseNeverPages() {
    Scenario week = new QuietWeekScenario(21);
    DemoResult result = Backtest.run(week.name(), week.reports(), CONFIG, ReportDetectionConfig.defaults());

    assertThat(result.eventsReplayed()).isGreaterThan(150_000);
    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }

  @Test
  void aBrokenAgentAndAFlappingOneNeverPage() {
    DemoResult result = run(new FlappingAgentScenario(3));

    assertThat(result.eventsReplayed()).isEqualTo(4 * 120 * 18 * 3 * 2); // 4 h of 30 s rounds, 18 agents, 3 services, 2 checks
    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }

  /** 40 quiet minutes of 20 reporters each about whatsapp in BR, then 5 minutes of {@code surgePerMinute} reports. */
  private static Stream<UserReport> reports(java.util.function.BiFunction<Integer, Integer, String> surgeReporter, int surgePerMinute) {
    Instant t0 = Instant.parse("2024-02-05T12:00:00Z");
    Stream.Builder<UserReport> reports = Stream.builder();
    for (int minute = 0; minute < 50; minute++) {
      boolean surge = minute >= 40 && minute < 45;
      int count = surge ? surgePerMinute : 20;
      for (int i = 0; i < count; i++) {
        String reporter = surge ? surgeReporter.apply(minute, i) : "u-" + minute + "-" + i;
        reports.add(UserReport.newBuilder()
            .setReportId(UUID.randomUUID().toString()).setService("whatsapp").setRegion("BR").setReporterId(reporter)
            .setSource(ReportSource.APP).setCategory(ReportCategory.MESSAGING).setText("nao funciona").setLang("pt")
            .setReportedAt(t0.plusSeconds(60L * minute + (i * 59L) / count)).setSentiment(-0.6)
            .build());
      }
    }
    return reports.build();
  }

  @Test
  void aSurgeOfDistinctReportersIsARegionalOutageEvenWhenProbesSeeNothing() {
    DemoResult result = Backtest.run("report-surge", reports((minute, i) -> "surge-" + minute + "-" + i, 300), CONFIG, ReportDetectionConfig.defaults());

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
    DemoResult result = Backtest.run(flood.name(), ScenarioEvents.of(flood), CONFIG, ReportDetectionConfig.defaults());

    assertThat(result.eventsReplayed()).isGreaterThan(3_000);
    assertThat(result.pages()).isEmpty();
  }

  @Test
  void aReportFloodFromOneReporterNeverPages() {
    DemoResult result = Backtest.run("report-flood", reports((minute, i) -> "one-angry-user", 2000), CONFIG, ReportDetectionConfig.defaults());

    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }
}
