package io.outageradar.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.Scenarios;
import io.outageradar.tools.demo.DemoBusinesses;
import io.outageradar.topics.InputPartitioning;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The real pipeline as a child process, killed with SIGKILL, against the backtest of the same
 * events.
 */
class ChaosIT {
  private static final List<SpecificRecord> EVENTS =
      ScenarioEvents.of(Scenarios.create("regional-isp", 42)).toList();

  @Test
  void killsAtTheFirstOutageDuringRecoveryAndAtRandomChangeNothingUnderExactlyOnce()
      throws Exception {
    ChaosResult result =
        Chaos.run(settings(3, 7, Chaos.DOWNTIME, InputPartitioning.SERVICE), line -> {});

    assertThat(result.differences()).isEmpty();
    assertThat(result.equal()).isTrue();
    assertThat(result.kills()).isEqualTo(3);
    assertThat(result.duplicateTriggers()).isZero();
    assertThat(result.missingResolves()).isZero();
    assertThat(result.pages())
        .as("one TRIGGER and one RESOLVE for each of the three outages")
        .isEqualTo(6);
  }

  @Test
  void aPipelineThatWasDownCatchesUpToTheSameOutcome() throws Exception {
    ChaosResult result =
        Chaos.run(settings(1, 11, Duration.ofSeconds(20), InputPartitioning.SERVICE), line -> {});

    assertThat(result.differences()).isEmpty();
    assertThat(result.equal()).isTrue();
    assertThat(result.pages()).isEqualTo(6);
  }

  @Test
  void inputsPublishedWithKafkasDefaultPartitionerSurviveKillsToTheSameOutcome() throws Exception {
    ChaosResult result =
        Chaos.run(settings(3, 13, Chaos.DOWNTIME, InputPartitioning.DEFAULT), line -> {});

    assertThat(result.differences()).isEmpty();
    assertThat(result.equal()).isTrue();
    assertThat(result.kills()).isEqualTo(3);
    assertThat(result.duplicateTriggers()).isZero();
    assertThat(result.pages()).isEqualTo(6);
  }

  /** Kills of the pipeline at seeded moments on regional-isp, exactly once, ten minutes at most. */
  private static Chaos.Settings settings(
      int kills, long seed, Duration downtime, InputPartitioning partitioning) {
    return new Chaos.Settings(
        "regional-isp",
        EVENTS,
        kills,
        0,
        true,
        seed,
        downtime,
        Duration.ofMinutes(10),
        partitioning,
        DemoBusinesses.sample());
  }
}
