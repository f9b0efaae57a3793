package io.outageradar.detection.lifecycle;

import static io.outageradar.avro.HealthStatus.DEGRADED;
import static io.outageradar.avro.HealthStatus.DOWN;
import static io.outageradar.avro.HealthStatus.HEALTHY;
import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.OutageLoss;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.serde.AvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle rules with the defaults: 2 of 3 DOWN windows confirm, 3 healthy resolve, 3 regions
 * are global.
 */
class OutageLifecycleTest {
  private static final String SCOPE = OutageLifecycleTest.class.getName();
  private final OutageLifecycle lifecycle =
      new OutageLifecycle(DetectionConfig.defaults(), ReportDetectionConfig.defaults());
  private final AvroSerde<ServiceLifecycleState> serde =
      AvroSerde.forValues(ServiceLifecycleState.class, MockSchemaRegistry.forScope(SCOPE));
  private static final OutageLoss NO_REVENUE = new OutageLoss(RevenueTable.empty());
  private ServiceLifecycleState state = OutageLifecycle.emptyState();
  private final List<OutageEvent> events = new ArrayList<>();

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  /**
   * Applies a window, then takes the state through its serde as the store would between records.
   */
  private void feed(String region, int window, HealthStatus status) {
    events.addAll(
        lifecycle.apply(
            state, new RegionSignal(window("whatsapp", region, window, status), null, null)));
    byte[] stored = serde.serializer().serialize("lifecycle-changelog", state);
    state = serde.deserializer().deserialize("lifecycle-changelog", stored);
  }

  @Test
  void aRegionConfirmsOnTwoDownWindowsOfThree() {
    feed("BR", 0, HEALTHY);
    feed("BR", 1, DOWN);
    assertThat(events).as("one DOWN window is only a suspicion").isEmpty();

    feed("BR", 2, DOWN);

    assertThat(events).hasSize(1);
    OutageEvent opened = events.get(0);
    assertThat(opened.getOutageId()).isEqualTo("whatsapp-BR-20211004T153030Z");
    assertThat(opened.getScope()).isEqualTo(OutageScope.REGIONAL);
    assertThat(opened.getState()).isEqualTo(OutageState.CONFIRMED);
    assertThat(opened.getPreviousState()).isEqualTo(OutageState.UNKNOWN);
    assertThat(opened.getOnset()).isEqualTo(at(30));
    assertThat(opened.getConfirmedAt()).isEqualTo(at(90));
    assertThat(opened.getCause()).isEqualTo(CauseHint.DNS);
  }

  @Test
  void anIsolatedDownWindowFadesWithoutAnOutage() {
    feed("BR", 0, DOWN);
    feed("BR", 1, HEALTHY);
    feed("BR", 2, DEGRADED);
    feed("BR", 3, HEALTHY);
    feed("BR", 4, DOWN);
    feed("BR", 5, HEALTHY);
    feed("BR", 6, HEALTHY);

    assertThat(events).isEmpty();
  }

  @Test
  void resolvesOnlyAfterThreeHealthyWindowsAndAFlapKeepsTheSameOutage() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN);
    feed("BR", 2, HEALTHY);
    feed("BR", 3, DOWN); // a flap back down: still the same outage
    feed("BR", 4, HEALTHY);
    feed("BR", 5, HEALTHY);
    assertThat(events)
        .extracting(OutageEvent::getState)
        .containsExactly(
            OutageState.CONFIRMED,
            OutageState.RECOVERING,
            OutageState.CONFIRMED,
            OutageState.CONFIRMED,
            OutageState.RECOVERING);
    assertThat(events.get(3).getNotifiedAt())
        .as("a regional outage pages once it has waited the roll-up time")
        .isEqualTo(at(120))
        .isEqualTo(events.get(3).getUpdatedAt());
    assertThat(events.get(0).getNotifiedAt()).isNull();

    feed("BR", 6, HEALTHY);

    OutageEvent resolved = events.get(events.size() - 1);
    assertThat(resolved.getState()).isEqualTo(OutageState.RESOLVED);
    assertThat(resolved.getResolvedAt()).isEqualTo(at(120));
    assertThat(events)
        .extracting(OutageEvent::getOutageId)
        .containsOnly("whatsapp-BR-20211004T153000Z");
    assertThat(state.getOpenOutages()).isEmpty();
  }

  @Test
  void manyRegionsDownTogetherAreOneGlobalOutage() {
    for (String region : List.of("BR", "US", "DE", "IN")) {
      feed(region, 0, DOWN);
    }
    for (String region : List.of("BR", "US", "DE", "IN")) {
      feed(region, 1, DOWN);
    }

    assertThat(events).extracting(OutageEvent::getScope).containsOnly(OutageScope.GLOBAL);
    assertThat(events)
        .extracting(OutageEvent::getOutageId)
        .containsOnly("whatsapp-global-20211004T153000Z");
    OutageEvent last = events.get(events.size() - 1);
    assertThat(last.getRegions()).containsExactly("BR", "DE", "IN", "US");
    assertThat(events).filteredOn(e -> e.getPreviousState() == OutageState.UNKNOWN).hasSize(1);
  }

  @Test
  void aRegionalOutageIsMergedWhenTheOutageTurnsGlobal() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN); // BR alone: regional
    feed("US", 2, DOWN);
    feed("DE", 2, DOWN);
    feed("US", 3, DOWN); // BR confirmed + US, DE suspected or confirmed: global

    assertThat(events)
        .extracting(OutageEvent::getOutageId, OutageEvent::getState, OutageEvent::getMergedInto)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "whatsapp-BR-20211004T153000Z", OutageState.CONFIRMED, null),
            org.assertj.core.groups.Tuple.tuple(
                "whatsapp-BR-20211004T153000Z",
                OutageState.RESOLVED,
                "whatsapp-global-20211004T153000Z"),
            org.assertj.core.groups.Tuple.tuple(
                "whatsapp-global-20211004T153000Z", OutageState.CONFIRMED, null));
    OutageEvent global = events.get(2);
    assertThat(global.getRegions()).containsExactly("BR", "US");
    assertThat(global.getConfirmedAt())
        .as("the global outage was known since BR confirmed")
        .isEqualTo(at(60));
  }

  @Test
  void theGlobalOutageResolvesWhenItsLastRegionRecovers() {
    for (int w = 0; w < 2; w++) {
      for (String region : List.of("BR", "US", "DE")) {
        feed(region, w, DOWN);
      }
    }
    for (int w = 2; w < 5; w++) {
      feed("BR", w, HEALTHY);
      feed("US", w, HEALTHY);
    }
    assertThat(events.get(events.size() - 1).getState()).isEqualTo(OutageState.CONFIRMED);

    for (int w = 2; w < 7; w++) {
      feed("DE", w, w < 4 ? DOWN : HEALTHY);
    }

    OutageEvent last = events.get(events.size() - 1);
    assertThat(last.getState()).isEqualTo(OutageState.RESOLVED);
    assertThat(last.getResolvedAt()).isEqualTo(at(120));
    assertThat(last.getRegions()).containsExactly("BR", "DE", "US");
  }

  private void reports(String region, int minute, boolean anomalous) {
    Instant start = at(60L * minute);
    ReportWindowStats stats =
        ReportWindowStats.newBuilder()
            .setService("whatsapp")
            .setRegion(region)
            .setWindowStart(start)
            .setWindowEnd(start.plusSeconds(60))
            .setReports(anomalous ? 400 : 20)
            .setDistinctReporters(anomalous ? 400 : 20)
            .setBaselineMedian(20)
            .setBaselineMad(3)
            .setAnomalyScore(anomalous ? 0.9 : 0.1)
            .setAnomalous(anomalous)
            .setWarmingUp(false)
            .setMeanSentiment(-0.7)
            .setNegativeShare(0.9)
            .build();
    events.addAll(lifecycle.apply(state, new RegionSignal(null, stats, null)));
  }

  @Test
  void reportsAloneConfirmAfterThreeAnomalousMinutesEvenWhileProbesLookFine() {
    for (int minute = 0; minute < 3; minute++) {
      feed("BR", 2 * minute, HEALTHY);
      feed("BR", 2 * minute + 1, HEALTHY);
      reports("BR", minute, true);
    }

    OutageEvent confirmed = events.get(0);
    assertThat(confirmed.getState()).isEqualTo(OutageState.CONFIRMED);
    assertThat(confirmed.getOnset()).as("the first anomalous minute").isEqualTo(at(0));
    assertThat(confirmed.getConfirmedAt()).isEqualTo(at(180));
    assertThat(confirmed.getCause()).as("probes saw nothing").isEqualTo(CauseHint.UNKNOWN);

    feed("BR", 6, HEALTHY); // reports still anomalous in the last minute: the outage holds
    assertThat(events).extracting(OutageEvent::getState).doesNotContain(OutageState.RECOVERING);
  }

  @Test
  void twoAnomalousMinutesAreNotEnoughAlone() {
    reports("BR", 0, true);
    reports("BR", 1, true);
    reports("BR", 2, false);
    reports("BR", 3, true);

    assertThat(events).isEmpty();
  }

  @Test
  void probesAndReportsAgreeingConfirmOnTheFirstDownWindow() {
    feed("BR", 0, HEALTHY);
    reports("BR", 0, true);
    feed("BR", 1, DOWN);

    assertThat(events).hasSize(1);
    assertThat(events.get(0).getConfirmedAt())
        .as("not the 2-of-3 rule's second window")
        .isEqualTo(at(60));
    assertThat(events.get(0).getCause()).isEqualTo(CauseHint.DNS);
  }

  @Test
  void aRegionWithoutProbesLivesOnItsReportMinutes() {
    for (int minute = 0; minute < 3; minute++) {
      reports("NG", minute, true);
    }
    for (int minute = 3; minute < 6; minute++) {
      reports("NG", minute, false);
    }

    assertThat(events)
        .extracting(OutageEvent::getState)
        .startsWith(OutageState.CONFIRMED)
        .endsWith(OutageState.RESOLVED);
    assertThat(events.get(events.size() - 1).getResolvedAt()).isEqualTo(at(180));
  }

  @Test
  void bothRegionsOfATwoRegionServiceDownTogetherAreGlobal() {
    for (String region : List.of("BR", "US")) {
      feed(region, 0, HEALTHY);
    }
    for (String region : List.of("BR", "US")) {
      feed(region, 1, DOWN);
    }
    for (String region : List.of("BR", "US")) {
      feed(region, 2, DOWN);
    }

    assertThat(events).extracting(OutageEvent::getScope).containsOnly(OutageScope.GLOBAL);
    assertThat(events.get(events.size() - 1).getRegions()).containsExactly("BR", "US");
  }

  @Test
  void reportsDuringAnOutageAreCountedOnIt() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN);
    reports("BR", 1, false); // 20 reports, mean sentiment -0.7
    reports("BR", 2, false);
    feed("BR", 2, HEALTHY);

    OutageEvent recovering = events.get(events.size() - 1);
    assertThat(recovering.getState()).isEqualTo(OutageState.RECOVERING);
    assertThat(recovering.getReports()).isEqualTo(40);
    assertThat(recovering.getMeanSentiment())
        .isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void ignoresAWindowItHasAlreadySeen() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN);
    int before = events.size();

    feed("BR", 1, DOWN);
    feed("BR", 0, HEALTHY);

    assertThat(events).hasSize(before);
  }

  /** A window in which the named agents (of br-1..br-3) each failed one of their two checks. */
  private void partial(String region, int window, String... failing) {
    RegionWindowHealth health = window("whatsapp", region, window, HEALTHY);
    health.setAgentsWithFailures(List.of(failing));
    health.setFailedChecks(failing.length);
    health.setStatus(failing.length == 0 ? HEALTHY : DEGRADED);
    events.addAll(lifecycle.apply(state, new RegionSignal(health, null, null)));
  }

  private List<Page> pages() {
    return events.stream().flatMap(e -> Pages.forChange(e, NO_REVENUE).stream()).toList();
  }

  @Test
  void aRegionThatFailsAgainSoonAfterResolvingReopensTheSameOutageAndPagesUnderTheSameKey() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN);
    for (int w = 2; w < 8; w++) {
      feed("BR", w, HEALTHY); // notified at 150 s, resolved at 60 s + 3 windows
    }
    assertThat(events.get(events.size() - 1).getState()).isEqualTo(OutageState.RESOLVED);

    feed("BR", 20, DOWN); // 6 minutes after the resolution
    feed("BR", 21, DOWN);

    OutageEvent reopened = events.get(events.size() - 1);
    assertThat(reopened.getOutageId()).isEqualTo("whatsapp-BR-20211004T153000Z");
    assertThat(reopened.getState()).isEqualTo(OutageState.CONFIRMED);
    assertThat(reopened.getReopens()).isEqualTo(1);
    assertThat(reopened.getResolvedAt()).isNull();
    assertThat(reopened.getNotifiedAt()).isEqualTo(reopened.getUpdatedAt());
    assertThat(pages())
        .extracting(Page::getDedupKey, Page::getAction)
        .containsExactly(
            tuple("whatsapp-BR-20211004T153000Z", PageAction.TRIGGER),
            tuple("whatsapp-BR-20211004T153000Z", PageAction.RESOLVE),
            tuple("whatsapp-BR-20211004T153000Z", PageAction.TRIGGER));
  }

  @Test
  void aRegionThatFailsAgainLaterThanReopenWithinIsANewOutage() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN);
    for (int w = 2; w < 5; w++) {
      feed("BR", w, HEALTHY); // resolved at 60 s
    }

    feed("BR", 33, DOWN); // 15 min 30 s after the resolution
    feed("BR", 34, DOWN);

    assertThat(events)
        .extracting(OutageEvent::getOutageId)
        .containsOnly("whatsapp-BR-20211004T153000Z", "whatsapp-BR-20211004T154630Z");
    assertThat(events.get(events.size() - 1).getReopens()).isZero();
  }

  @Test
  void aPartialFailureSeenByTwoAgentsIsADegradedOutageThatDoesNotPage() {
    for (int w = 0; w < 10; w++) {
      // br-1 fails every other window, br-2 every third: each in at least 3 of 10 windows
      List<String> failing = new ArrayList<>();
      if (w % 2 == 0) {
        failing.add("br-1");
      }
      if (w % 3 == 0) {
        failing.add("br-2");
      }
      partial("BR", w, failing.toArray(String[]::new));
    }

    assertThat(events).isNotEmpty();
    OutageEvent degraded = events.get(0);
    assertThat(degraded.getState()).isEqualTo(OutageState.DEGRADED);
    assertThat(degraded.getRegions()).containsExactly("BR");
    assertThat(degraded.getOnset()).as("the first window with failures").isEqualTo(at(0));
    assertThat(pages()).as("degraded outages page only when configured").isEmpty();

    feed("BR", 10, DOWN);
    feed("BR", 11, DOWN);

    OutageEvent confirmed = events.get(events.size() - 1);
    assertThat(confirmed.getOutageId()).isEqualTo(degraded.getOutageId());
    assertThat(confirmed.getState()).isEqualTo(OutageState.CONFIRMED);
  }

  @Test
  void oneBrokenAgentIsNeverDegraded() {
    for (int w = 0; w < 30; w++) {
      partial("BR", w, "br-3");
    }

    assertThat(state.getRegions().get("BR").getCleanStreak())
        .as("its windows were judged: none was clean")
        .isZero();
    assertThat(events).isEmpty();
  }

  @Test
  void aRecoveringRegionStaysOpenWhileSomeAgentsStillFailOrReportsAreStillAnomalous() {
    feed("BR", 0, DOWN);
    feed("BR", 1, DOWN);
    partial("BR", 2, "br-1");
    assertThat(events.get(events.size() - 1).getState()).isEqualTo(OutageState.RECOVERING);
    reports("BR", 1, true); // anomalous until 120 s
    for (int w = 3; w <= 6; w++) {
      feed("BR", w, HEALTHY);
    }
    assertThat(events.get(events.size() - 1).getState())
        .as("clean since 90 s, but reports anomalous until 120 s and in windows up to a minute on")
        .isEqualTo(OutageState.RECOVERING);

    feed("BR", 7, HEALTHY);

    OutageEvent resolved = events.get(events.size() - 1);
    assertThat(resolved.getState()).isEqualTo(OutageState.RESOLVED);
    assertThat(resolved.getResolvedAt()).as("the start of the clean run").isEqualTo(at(90));
  }

  @Test
  void uptimeIsTheShareOfWindowsNotDownOverTheLastDayWeekAndMonth() {
    // 3 days of windows; on the first day 40 DOWN windows, in the last 24 hours 12
    int perDay = 2 * 60 * 24;
    for (int w = 0; w < 3 * perDay; w++) {
      boolean down = (w >= 100 && w < 140) || (w >= 3 * perDay - 30 && w < 3 * perDay - 18);
      feed("BR", w, down ? DOWN : HEALTHY);
    }

    Uptime.Percentages uptime = Uptime.of(state.getRegions().get("BR"));

    assertThat(uptime.last24h())
        .as("to the hour: the last 24 hours are the 23.5 whole hours since 16:00 of the day before")
        .isCloseTo(100.0 * (perDay - 60 - 12) / (perDay - 60), within(1e-9));
    assertThat(uptime.last7d()).isCloseTo(100.0 * (3 * perDay - 52) / (3 * perDay), within(1e-9));
    assertThat(uptime.last30d()).isEqualTo(uptime.last7d());
    assertThat(state.getRegions().get("BR").getUptimeHours())
        .as("hourly buckets kept for a day only")
        .hasSize(24);
  }
}
