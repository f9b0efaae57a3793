package io.outageradar.tools.backtest;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.Scenarios;
import io.outageradar.tools.demo.Demo;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backtest of every scenario finds the outages and pages committed for it: a change of the
 * rules shows here, in seconds, before {@code LiveEqualsBacktestIT} shows the live pipeline agrees.
 */
class ScenarioOutcomesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"fb-2021-10-04", "quiet-week", "regional-isp", "flapping-agent", "report-flood"})
  void theBacktestFindsTheCommittedOutagesAndPages(String scenario) throws IOException {
    GoldenOutcome.assertMatches(
        scenario,
        Backtest.run(
            scenario,
            ScenarioEvents.of(Scenarios.create(scenario, 42)),
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults(),
            Demo.DEMO_REVENUE));
  }
}
