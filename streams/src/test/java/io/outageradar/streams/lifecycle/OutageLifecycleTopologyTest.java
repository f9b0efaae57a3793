package io.outageradar.streams.lifecycle;

import static io.outageradar.testkit.Probes.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.ProbeResult;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle inside the detection topology, fed probe rounds of three agents per region and 30 s
 * window.
 */
class OutageLifecycleTopologyTest {
  private static final String SCOPE = OutageLifecycleTopologyTest.class.getName();
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();
  private static final AlertConfig ALERTS = AlertConfig.defaults();

  /** Wall-clock time after which an input nothing arrived on counts as idle (two idle checks). */
  private static final Duration REPORTS_COUNT_AS_IDLE = CONFIG.idleAdvanceAfter().multipliedBy(2);

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private DetectionDriver driver(AlertConfig alerts) {
    return new DetectionDriver(
        topics, stateDir, CONFIG, ReportDetectionConfig.defaults(), alerts, RevenueTable.parse(""));
  }

  /** Windows 0..{@code windows}-1 of each region, regions in the order given within a window. */
  private static List<ProbeResult> rounds(
      int windows, List<String> regions, int downFrom, int downTo) {
    List<ProbeResult> probes = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      for (String region : regions) {
        probes.addAll(
            round(
                "whatsapp",
                region,
                w,
                w >= downFrom && w <= downTo ? HealthStatus.DOWN : HealthStatus.HEALTHY));
      }
    }
    return probes;
  }

  @Test
  void regionsOfOneServiceRollUpIntoOneGlobalOutageAndOnePage() {
    try (DetectionDriver driver = driver(ALERTS)) {
      rounds(8, List.of("BR", "US", "DE", "GB"), 0, 1).forEach(driver::probe);
      driver.goQuiet();
      List<OutageEvent> outages = driver.outages();
      List<Page> pages = driver.pages();

      assertThat(outages).extracting(OutageEvent::getScope).containsOnly(OutageScope.GLOBAL);
      assertThat(outages.get(outages.size() - 1).getRegions())
          .containsExactly("BR", "DE", "GB", "US");
      assertThat(outages.get(outages.size() - 1).getState()).isEqualTo(OutageState.RESOLVED);
      assertThat(pages)
          .extracting(Page::getAction)
          .containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
      assertThat(pages)
          .extracting(Page::getDedupKey)
          .containsOnly("whatsapp-global-20211004T153000Z");
      assertThat(pages.get(0).getRegions())
          .as("regions failing in the same window are paged together")
          .containsExactly("BR", "DE", "GB", "US");
      assertThat(outages.get(0).getPreviousState()).isEqualTo(OutageState.UNKNOWN);
    }
  }

  @Test
  void servicesWhoseNamesArePrefixesOfEachOtherEachOpenOneOutageOfAllTheirRegions() {
    // svc-1 sorts before svc in the held verdicts' keys ('-' before '|'), after it as plain
    // strings: whichever, the regions of one service and window must stay one step
    List<String> services = List.of("svc", "svc-1", "svc-10");
    List<String> regions = List.of("BR", "USA", "DE", "GB");
    List<ProbeResult> probes = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      for (String region : regions) {
        for (String service : services) {
          probes.addAll(
              round(service, region, w, w <= 1 ? HealthStatus.DOWN : HealthStatus.HEALTHY));
        }
      }
    }
    try (DetectionDriver driver = driver(ALERTS)) {
      probes.forEach(driver::probe);
      driver.goQuiet();
      List<Page> pages = driver.pages();

      assertThat(pages)
          .filteredOn(page -> page.getAction() == PageAction.TRIGGER)
          .extracting(Page::getService, page -> List.copyOf(page.getRegions()))
          .containsExactlyInAnyOrder(
              tuple("svc", List.of("BR", "DE", "GB", "USA")),
              tuple("svc-1", List.of("BR", "DE", "GB", "USA")),
              tuple("svc-10", List.of("BR", "DE", "GB", "USA")));
      assertThat(driver.outages())
          .extracting(OutageEvent::getScope)
          .containsOnly(OutageScope.GLOBAL);
    }
  }

  @Test
  void theOutcomeDoesNotDependOnTheOrderOfRegionsOrOfProbesWithinTheGrace() {
    List<ProbeResult> ordered = rounds(10, List.of("BR", "US", "DE"), 1, 3);
    List<ProbeResult> shuffled = new ArrayList<>(ordered);
    // each probe moved by up to the grace: the same input, in another order within the grace
    shuffled.sort(
        Comparator.comparing((ProbeResult p) -> p.getObservedAt().getEpochSecond() / 10)
            .thenComparing(ProbeResult::getRegion, Comparator.reverseOrder()));
    List<String> first;
    try (DetectionDriver driver = driver(ALERTS)) {
      ordered.forEach(driver::probe);
      driver.goQuiet();
      first = describe(driver.outages(), driver.pages());
    }
    try (DetectionDriver driver =
        new DetectionDriver(
            topics,
            stateDir.resolve("again"),
            CONFIG,
            ReportDetectionConfig.defaults(),
            ALERTS,
            RevenueTable.parse(""))) {
      shuffled.forEach(driver::probe);
      driver.goQuiet();
      assertThat(describe(driver.outages(), driver.pages())).isEqualTo(first);
    }
    assertThat(first).as("something was judged").anyMatch(line -> line.contains("TRIGGER"));
  }

  private static List<String> describe(List<OutageEvent> outages, List<Page> pages) {
    List<String> lines = new ArrayList<>();
    outages.forEach(
        o ->
            lines.add(
                o.getOutageId()
                    + " "
                    + o.getState()
                    + " "
                    + o.getRegions()
                    + " "
                    + o.getUpdatedAt()));
    pages.forEach(p -> lines.add(p.getDedupKey() + " " + p.getAction() + " " + p.getAt()));
    return lines;
  }

  @Test
  void aRegionThatGoesSilentDoesNotHoldTheOthersBack() {
    try (DetectionDriver driver = driver(ALERTS)) {
      for (int w = 0; w < 8; w++) {
        if (w < 1) {
          round("whatsapp", "US", w, HealthStatus.HEALTHY)
              .forEach(driver::probe); // then US goes silent
        }
        round("whatsapp", "BR", w, w >= 1 && w <= 3 ? HealthStatus.DOWN : HealthStatus.HEALTHY)
            .forEach(driver::probe);
      }
      driver.idle(REPORTS_COUNT_AS_IDLE); // no reports at all: the probes stop waiting for them
      assertThat(driver.outages())
          .extracting(OutageEvent::getOutageId)
          .contains("whatsapp-BR-20211004T153030Z");
    }
  }

  @Test
  void twoServicesDownInOneRegionPageTheirOwnLossesNotTheRegions() {
    RevenueTable revenue = RevenueTable.parse("whatsapp|BR=3600.00 BRL, instagram|BR=1800.00 BRL");
    try (DetectionDriver driver =
        new DetectionDriver(
            topics, stateDir, CONFIG, ReportDetectionConfig.defaults(), ALERTS, revenue)) {
      for (int w = 0; w < 40; w++) {
        for (String service : List.of("whatsapp", "instagram")) {
          round(service, "BR", w, w >= 1 && w <= 20 ? HealthStatus.DOWN : HealthStatus.HEALTHY)
              .forEach(driver::probe);
        }
      }
      driver.idle(REPORTS_COUNT_AS_IDLE);
      List<OutageEvent> outages = driver.outages();
      List<Page> pages = driver.pages();

      assertThat(pages)
          .extracting(Page::getService, Page::getAction)
          .containsExactlyInAnyOrder(
              tuple("whatsapp", PageAction.TRIGGER), tuple("instagram", PageAction.TRIGGER),
              tuple("whatsapp", PageAction.RESOLVE), tuple("instagram", PageAction.RESOLVE));
      for (Page page : pages) {
        OutageEvent changed =
            outages.stream()
                .filter(
                    o ->
                        o.getOutageId().equals(page.getDedupKey())
                            && o.getUpdatedAt().equals(page.getAt()))
                .findFirst()
                .orElseThrow();
        Instant until =
            page.getAction() == PageAction.RESOLVE
                ? changed.getResolvedAt()
                : changed.getUpdatedAt();
        long perHourMinor = page.getService().equals("whatsapp") ? 360_000 : 180_000;
        long expected =
            Math.round(
                perHourMinor
                    * Duration.between(changed.getOnset(), until).toMillis()
                    / 3_600_000.0);
        assertThat(page.getEstimatedLoss())
            .as(page.getService() + " " + page.getAction())
            .containsExactly(new Money(expected, "BRL"));
        assertThat(page.getCause()).isEqualTo(changed.getCause());
      }
    }
  }

  @Test
  void aMaintenanceWindowHoldsThePagesBackButTheOutageIsStillRecorded() {
    AlertConfig alerts =
        new AlertConfig(
            Duration.ofMinutes(30),
            AlertConfig.MaintenanceWindow.parseAll(
                "whatsapp|DE@2021-10-04T15:00:00Z/2021-10-04T16:00:00Z"));
    try (DetectionDriver driver = driver(alerts)) {
      rounds(8, List.of("BR", "US", "DE"), 0, 1).forEach(driver::probe);
      driver.goQuiet();

      assertThat(driver.outages())
          .extracting(OutageEvent::getState)
          .contains(OutageState.CONFIRMED, OutageState.RESOLVED);
      assertThat(driver.pages()).isEmpty();
    }
  }

  @Test
  void aStillOpenOutagePagesAgainAfterTheRenotifyIntervalAndNotAfterItResolved() {
    try (DetectionDriver driver = driver(new AlertConfig(Duration.ofMinutes(30), List.of()))) {
      rounds(4, List.of("BR", "US", "DE"), 0, 1).forEach(driver::probe);
      driver.idle(REPORTS_COUNT_AS_IDLE);
      assertThat(driver.pages())
          .extracting(Page::getAction, Page::getRenotify)
          .containsExactly(tuple(PageAction.TRIGGER, false));

      driver.driver().advanceWallClockTime(Duration.ofMinutes(30));
      List<Page> again = driver.pages();
      assertThat(again)
          .extracting(Page::getAction, Page::getRenotify)
          .containsExactly(tuple(PageAction.TRIGGER, true));
      assertThat(again.get(0).getDedupKey()).isEqualTo("whatsapp-global-20211004T153000Z");

      // the regions come back an hour later (the idle wall clock has moved stream time past 16:00)
      for (int w = 120; w < 126; w++) {
        for (String region : List.of("BR", "US", "DE")) {
          round("whatsapp", region, w, HealthStatus.HEALTHY).forEach(driver::probe);
        }
      }
      assertThat(driver.pages()).extracting(Page::getAction).containsExactly(PageAction.RESOLVE);
      driver.driver().advanceWallClockTime(Duration.ofHours(1));
      assertThat(driver.pages()).isEmpty();
    }
  }
}
