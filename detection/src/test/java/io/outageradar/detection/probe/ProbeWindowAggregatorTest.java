package io.outageradar.detection.probe;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.ProbeWindowState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.model.ServiceRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeWindowAggregatorTest {
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();
  private static final ServiceRegion BR = new ServiceRegion("whatsapp", "BR");

  private static RegionWindowHealth judge(ProbeWindowState state) {
    return ProbeWindowAggregator.judge(BR, at(0), at(30), state, CONFIG);
  }

  @Test
  void oneBrokenAgentAmongThreeIsDegradedNeverDown() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    ProbeWindowAggregator.add(probe("whatsapp", "BR", "a1", ProbeStatus.TIMEOUT, at(1)), state);
    ProbeWindowAggregator.add(probe("whatsapp", "BR", "a1", ProbeStatus.TIMEOUT, at(2)), state);
    ProbeWindowAggregator.add(probe("whatsapp", "BR", "a2", ProbeStatus.OK, at(3)), state);
    ProbeWindowAggregator.add(probe("whatsapp", "BR", "a3", ProbeStatus.OK, at(4)), state);

    RegionWindowHealth health = judge(state);

    assertThat(health.getStatus()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.getAgents()).isEqualTo(3);
    assertThat(health.getFailingAgents()).isEqualTo(1);
    assertThat(health.getDominantFailure()).isEqualTo(ProbeStatus.TIMEOUT);
  }

  @Test
  void theWindowKeepsTheFewestCertificateDaysAnyCheckSaw() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    assertThat(judge(state).getCertDaysToExpiryMin()).as("no certificate seen").isNull();
    for (Integer days : new Integer[] {40, null, 12, 30}) {
      var checked = probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(1));
      checked.setCertDaysToExpiry(days);
      ProbeWindowAggregator.add(checked, state);
    }
    assertThat(judge(state).getCertDaysToExpiryMin()).isEqualTo(12);
  }

  @Test
  void aSingleAgentRegionCannotGoDownAlone() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    ProbeWindowAggregator.add(
        probe("whatsapp", "BR", "a1", ProbeStatus.DNS_SERVFAIL, at(1)), state);

    assertThat(judge(state).getStatus()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(judge(state).getFailureRatio()).isEqualTo(1.0);
  }

  @Test
  void mostDistinctAgentsFailingIsDown() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    ProbeWindowAggregator.add(
        probe("whatsapp", "BR", "a1", ProbeStatus.DNS_SERVFAIL, at(1)), state);
    ProbeWindowAggregator.add(
        probe("whatsapp", "BR", "a2", ProbeStatus.DNS_SERVFAIL, at(2)), state);
    ProbeWindowAggregator.add(
        probe("whatsapp", "BR", "a2", ProbeStatus.CONNECT_TIMEOUT, at(3)), state);
    ProbeWindowAggregator.add(probe("whatsapp", "BR", "a3", ProbeStatus.OK, at(4)), state);

    RegionWindowHealth health = judge(state);

    assertThat(health.getStatus()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.getFailureRatio()).isEqualTo(2.0 / 3);
    assertThat(health.getChecks()).isEqualTo(4);
    assertThat(health.getFailedChecks()).isEqualTo(3);
    assertThat(health.getDominantFailure()).isEqualTo(ProbeStatus.DNS_SERVFAIL);
  }

  @Test
  void anAgentFailsOnlyWhenMostOfItsChecksFail() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    for (String agent : List.of("a1", "a2")) {
      ProbeWindowAggregator.add(probe("whatsapp", "BR", agent, ProbeStatus.TIMEOUT, at(1)), state);
      ProbeWindowAggregator.add(probe("whatsapp", "BR", agent, ProbeStatus.OK, at(2)), state);
    }

    assertThat(judge(state).getFailingAgents()).isZero();
    assertThat(judge(state).getStatus()).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void latencyPercentilesUseNearestRank() {
    List<Integer> sorted = List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    assertThat(ProbeWindowAggregator.percentile(sorted, 50)).isEqualTo(50);
    assertThat(ProbeWindowAggregator.percentile(sorted, 95)).isEqualTo(100);
    assertThat(ProbeWindowAggregator.percentile(List.of(), 95)).isNull();
  }

  @Test
  void latencySamplesAreBounded() {
    ProbeWindowState state = ProbeWindowAggregator.empty();
    for (int i = 0; i < ProbeWindowAggregator.MAX_LATENCY_SAMPLES + 100; i++) {
      ProbeWindowAggregator.add(probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(1)), state);
    }
    assertThat(state.getLatenciesMs()).hasSize(ProbeWindowAggregator.MAX_LATENCY_SAMPLES);
  }
}
