package io.outageradar.streams.probe;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe windows of the detection topology with explicit event times: 30 s windows, 10 s grace.
 */
class ProbeWindowsTest {
  private static final String SCOPE = ProbeWindowsTest.class.getName();
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();
  private static final String KEY = "whatsapp|BR";

  @TempDir Path stateDir;
  private Topics topics;

  @BeforeEach
  void catalog() {
    topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
  }

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private TopologyTestDriver driver() {
    return new TopologyTestDriver(
        DetectionDriver.topology(
            topics,
            CONFIG,
            ReportDetectionConfig.defaults(),
            AlertConfig.defaults(),
            RevenueTable.parse("")),
        StreamsProperties.of(
            "probe-health-test", "dummy:9092", topics.deadLetters.name(), stateDir, false));
  }

  private static void failAll(
      TestInputTopic<String, ProbeResult> in, long second, String... agents) {
    for (String agent : agents) {
      in.pipeInput(
          KEY, probe("whatsapp", "BR", agent, ProbeStatus.DNS_SERVFAIL, at(second)), at(second));
    }
  }

  @Test
  void emitsOneFinalVerdictPerWindowOnlyAfterItsGracePeriod() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);

      failAll(in, 5, "a1", "a2", "a3");
      failAll(in, 25, "a1", "a2", "a3");
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(39)), at(39));
      assertThat(out.isEmpty())
          .as("window [0,30) must stay open until stream time reaches 40 s")
          .isTrue();

      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(40)), at(40));

      List<RegionWindowHealth> verdicts = out.readValuesToList();
      assertThat(verdicts).hasSize(1);
      RegionWindowHealth first = verdicts.get(0);
      assertThat(first.getWindowStart()).isEqualTo(at(0));
      assertThat(first.getWindowEnd()).isEqualTo(at(30));
      assertThat(first.getStatus()).isEqualTo(HealthStatus.DOWN);
      assertThat(first.getAgents()).isEqualTo(3);
      assertThat(first.getChecks()).isEqualTo(6);
      assertThat(first.getDominantFailure()).isEqualTo(ProbeStatus.DNS_SERVFAIL);
    }
  }

  @Test
  void aProbeLateWithinGraceStillCountsInItsWindow() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);

      failAll(in, 5, "a1");
      in.pipeInput(KEY, probe("whatsapp", "BR", "a2", ProbeStatus.OK, at(35)), at(35));
      // stream time is 35 s: window [0,30) closes at 40 s, so this probe from 20 s is late but in
      // grace
      failAll(in, 20, "a2", "a3");
      in.pipeInput(KEY, probe("whatsapp", "BR", "a2", ProbeStatus.OK, at(41)), at(41));

      RegionWindowHealth verdict = out.readValue();
      assertThat(verdict.getAgents()).isEqualTo(3);
      assertThat(verdict.getFailingAgents()).isEqualTo(3);
      assertThat(verdict.getStatus()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void aProbeLateBeyondGraceIsDropped() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);

      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(5)), at(5));
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(45)), at(45));
      // window [0,30) closed at 40 s; these failures from 10 s must not change anything
      failAll(in, 10, "a2", "a3");
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(75)), at(75));

      List<RegionWindowHealth> verdicts = out.readValuesToList();
      assertThat(verdicts)
          .extracting(RegionWindowHealth::getWindowStart)
          .containsExactly(at(0), at(30));
      assertThat(verdicts.get(0).getAgents()).isEqualTo(1);
      assertThat(verdicts.get(0).getStatus()).isEqualTo(HealthStatus.HEALTHY);
      assertThat(verdicts).extracting(RegionWindowHealth::getFailingAgents).containsOnly(0);
      assertThat(lateDropped(driver)).isEqualTo(2.0);
    }
  }

  @Test
  void aRegionThatGoesQuietStillGetsItsWindowsClosedByTheWallClock() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);
      failAll(in, 5, "a1", "a2", "a3");
      failAll(in, 35, "a1", "a2", "a3");
      // then the region is cut off: no probe, no newer record, stream time stands still at 35 s
      driver.advanceWallClockTime(Duration.ofSeconds(5));
      assertThat(out.isEmpty()).as("a short silence is not yet idleness").isTrue();

      driver.advanceWallClockTime(CONFIG.idleAdvanceAfter());
      driver.advanceWallClockTime(Duration.ofSeconds(40));

      List<RegionWindowHealth> verdicts = out.readValuesToList();
      assertThat(verdicts)
          .extracting(RegionWindowHealth::getWindowStart)
          .containsExactly(at(0), at(30));
      assertThat(verdicts)
          .extracting(RegionWindowHealth::getStatus)
          .containsOnly(HealthStatus.DOWN);
    }
  }

  @Test
  void outOfOrderProbesWithinGraceAreCountedNotDropped() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);
      failAll(in, 28, "a1");
      failAll(in, 3, "a2"); // out of order, same window
      failAll(in, 31, "a3"); // next window
      failAll(in, 12, "a3"); // late for window 0, stream time 31 < 40
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(70)), at(70));

      RegionWindowHealth first = out.readValuesToList().get(0);
      assertThat(first.getAgents()).isEqualTo(3);
      assertThat(lateDropped(driver)).isZero();
    }
  }

  private static double lateDropped(TopologyTestDriver driver) {
    return DetectionDriver.metricTotal(driver, "late-probes-dropped-total");
  }

  @Test
  void usesObservedAtNotTheRecordTimestamp() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);

      // an agent that buffered its results sends them a minute late: they belong to window [0,30)
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(5)), at(65));
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(50)), at(66));

      assertThat(out.readValue().getWindowStart()).isEqualTo(at(0));
    }
  }

  @Test
  void aProbeWhoseKeyContradictsItsContentIsRejected() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, ProbeResult> in = input(driver);
      TestOutputTopic<String, RegionWindowHealth> out = output(driver);

      in.pipeInput(
          "whatsapp|DE", probe("whatsapp", "BR", "a1", ProbeStatus.DNS_SERVFAIL, at(5)), at(5));
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(6)), at(6));
      in.pipeInput(KEY, probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(45)), at(45));

      RegionWindowHealth verdict = out.readValue();
      assertThat(verdict.getChecks()).isEqualTo(1);
      assertThat(verdict.getFailedChecks()).isZero();
    }
  }

  private TestInputTopic<String, ProbeResult> input(TopologyTestDriver driver) {
    return driver.createInputTopic(
        topics.probeResults.name(),
        topics.probeResults.keySerde().serializer(),
        topics.probeResults.valueSerde().serializer());
  }

  private TestOutputTopic<String, RegionWindowHealth> output(TopologyTestDriver driver) {
    return driver.createOutputTopic(
        topics.regionHealth.name(),
        topics.regionHealth.keySerde().deserializer(),
        topics.regionHealth.valueSerde().deserializer());
  }
}
