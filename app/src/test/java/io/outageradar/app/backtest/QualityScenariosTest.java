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
import io.outageradar.producers.replay.RegionalIspScenario;
import io.outageradar.producers.replay.Scenario;
import io.outageradar.streams.DetectionConfig;
import java.time.Duration;
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
    return Backtest.run(scenario.name(), scenario.probes(), CONFIG);
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
  void aBrokenAgentAndAFlappingOneNeverPage() {
    DemoResult result = run(new FlappingAgentScenario(3));

    assertThat(result.eventsReplayed()).isEqualTo(4 * 120 * 18 * 3 * 2); // 4 h of 30 s rounds, 18 agents, 3 services, 2 checks
    assertThat(result.outages()).isEmpty();
    assertThat(result.pages()).isEmpty();
  }
}
