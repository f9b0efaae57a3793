package io.outageradar.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.Scenarios;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.backtest.GoldenOutcome;
import io.outageradar.tools.demo.Demo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every named scenario through the live pipeline on the embedded broker at full speed, against the
 * backtest of the same events: the same outages, pages and final impact per region; and the
 * backtest's outages and pages as committed ({@link GoldenOutcome}).
 */
class LiveEqualsBacktestIT {
  @ParameterizedTest
  @ValueSource(
      strings = {"fb-2021-10-04", "quiet-week", "regional-isp", "flapping-agent", "report-flood"})
  void theLivePipelineFindsWhatTheBacktestFinds(String scenario) throws IOException {
    List<SpecificRecord> events = ScenarioEvents.of(Scenarios.create(scenario, 42)).toList();

    Outcome live = Demo.run(scenario, events, Duration.ofMinutes(6), line -> {});
    Outcome backtest =
        Backtest.run(
            scenario,
            events.stream(),
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults(),
            Demo.DEMO_REVENUE);
    GoldenOutcome.assertMatches(scenario, backtest);

    ChaosResult comparison = Chaos.compare(backtest, live.outages(), live.pages(), 0, 0, true);
    assertThat(comparison.differences()).isEmpty();
    assertThat(comparison.equal()).isTrue();
    assertThat(live.regionImpact()).isEqualTo(backtest.regionImpact());
    assertThat(live.eventsReplayed()).isEqualTo(events.size());
  }
}
