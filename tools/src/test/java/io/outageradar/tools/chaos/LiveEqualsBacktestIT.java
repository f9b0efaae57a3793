package io.outageradar.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.Scenarios;
import io.outageradar.tools.BusinessOutcome;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.demo.Demo;
import io.outageradar.topics.InputPartitioning;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every named scenario through the live pipeline on the embedded broker at full speed, against the
 * backtest of the same events: the same outages, pages and final impact per region (the backtest's
 * own are held to the committed ones by {@code ScenarioOutcomesTest}). Also inputs published as
 * other clients publish them — Kafka's default partitioner (murmur2 of the whole key: kafkajs,
 * Connect, a REST proxy) or round robin: the same outcome as with our own partitioner.
 */
class LiveEqualsBacktestIT {
  /**
   * The backtest of each scenario, computed once for the class: it depends on the events alone, not
   * on how they are published, and the 2021 replay's costs a quarter of a minute.
   */
  private static final Map<String, Outcome> BACKTESTS = new ConcurrentHashMap<>();

  @ParameterizedTest
  @ValueSource(
      strings = {"fb-2021-10-04", "quiet-week", "regional-isp", "flapping-agent", "report-flood"})
  void theLivePipelineFindsWhatTheBacktestFinds(String scenario) throws IOException {
    Outcome backtest = liveEqualsBacktest(scenario, InputPartitioning.SERVICE);
    for (BusinessOutcome business : backtest.businesses()) {
      Map<String, List<NoticeAction>> perOutage = new TreeMap<>();
      business
          .notices()
          .forEach(
              told ->
                  perOutage
                      .computeIfAbsent(told.outageId(), id -> new ArrayList<>())
                      .add(told.action()));
      perOutage.forEach(
          (outage, actions) ->
              assertThat(actions)
                  .as(business.id() + " told of " + outage)
                  .containsExactly(NoticeAction.TRIGGER, NoticeAction.RESOLVE));
    }
    if (scenario.equals("fb-2021-10-04")) {
      assertThat(backtest.businesses())
          .as("every sample business sells through a platform that was down")
          .allSatisfy(business -> assertThat(business.notices()).isNotEmpty());
      // revenue × hours down in the channel's region: WhatsApp BR 15:40:30–22:24:30 (6.7333 h),
      // Facebook 15:40:00–22:10:00 (6.5 h), Instagram BR and US 15:42:30–22:44:00 (7.025 h)
      Map<String, List<Money>> losses = new TreeMap<>();
      backtest.businesses().forEach(business -> losses.put(business.id(), business.loss()));
      assertThat(losses)
          .containsEntry(
              "loja-da-ana", // 80 × 6.7333 + 20 × 7.025
              List.of(new Money(67_917L, "BRL")))
          .containsEntry(
              "construtora-horizonte", // 96,000/day: 0.5 → 2,000/h × 6.7333 + 0.25 → 1,000/h × 6.5
              List.of(new Money(1_996_667L, "BRL")))
          .containsEntry(
              "varejo-nacional", // 12,000 × 6.7333 + 4,500 × 7.025 (support earns nothing)
              List.of(new Money(11_241_250L, "BRL")))
          .containsEntry(
              "dealer-group", // INR 25,000 × 6.5; USD 1,500 × 6.5 + 900 × 7.025
              List.of(new Money(16_250_000L, "INR"), new Money(1_607_250L, "USD")));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "fb-2021-10-04, DEFAULT",
    "fb-2021-10-04, ROUND_ROBIN",
    "regional-isp, DEFAULT",
    "regional-isp, ROUND_ROBIN"
  })
  void theOutcomeDoesNotDependOnTheProducersPartitioner(
      String scenario, InputPartitioning partitioning) {
    assertThat(liveEqualsBacktest(scenario, partitioning).outages()).isNotEmpty();
  }

  /**
   * Asserts that the live pipeline finds what the backtest finds; returns the backtest's outcome.
   */
  private static Outcome liveEqualsBacktest(String scenario, InputPartitioning partitioning) {
    List<SpecificRecord> events = ScenarioEvents.of(Scenarios.create(scenario, 42)).toList();

    Outcome live;
    String told;
    try (PipelineLogLines log = PipelineLogLines.capture()) {
      live = Demo.run(scenario, events, Duration.ofMinutes(6), line -> {}, partitioning);
      told = log.told();
    }
    Outcome backtest =
        BACKTESTS.computeIfAbsent(
            scenario,
            name ->
                Backtest.run(
                    name,
                    events.stream(),
                    DetectionConfig.defaults(),
                    ReportDetectionConfig.defaults(),
                    Demo.DEMO_REVENUE));

    ChaosResult comparison =
        Chaos.compare(backtest, live.outages(), live.pages(), 0, 0, true)
            .withBusinesses(backtest.businesses(), live.businesses());
    assertThat(comparison.differences())
        .as(
            "%s published with the %s partitioner; the run logged:%n%s",
            scenario, partitioning, told)
        .isEmpty();
    assertThat(comparison.equal()).isTrue();
    assertThat(live.regionImpact()).isEqualTo(backtest.regionImpact());
    assertThat(live.eventsReplayed()).isEqualTo(events.size());
    assertThat(live.deadLetters()).isZero();
    return backtest;
  }
}
