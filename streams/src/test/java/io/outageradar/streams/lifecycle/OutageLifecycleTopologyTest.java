package io.outageradar.streams.lifecycle;

import static io.outageradar.streams.Probes.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.Probes;
import io.outageradar.streams.GoldenTopology;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageLifecycleTopologyTest {
  private static final String SCOPE = OutageLifecycleTopologyTest.class.getName();
  private static final DetectionConfig CONFIG = DetectionConfig.defaults();
  private static final AlertConfig ALERTS = AlertConfig.defaults();

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void regionsOfOneServiceRollUpIntoOneGlobalOutageAndOnePage() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, RegionWindowHealth> in = input(driver);
      for (int w = 0; w < 5; w++) {
        for (String region : List.of("BR", "US", "DE", "GB")) {
          pipe(in, window("whatsapp", region, w, w < 2 ? HealthStatus.DOWN : HealthStatus.HEALTHY));
        }
      }
      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2));
      List<OutageEvent> outages = outages(driver);
      List<Page> pages = pages(driver);

      assertThat(outages).extracting(OutageEvent::getScope).containsOnly(OutageScope.GLOBAL);
      assertThat(outages.get(outages.size() - 1).getRegions()).containsExactly("BR", "DE", "GB", "US");
      assertThat(pages).extracting(Page::getAction).containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
      assertThat(pages).extracting(Page::getDedupKey).containsOnly("whatsapp-global-20211004T153000Z");
      assertThat(pages.get(0).getRegions()).as("regions failing in the same window are paged together")
          .containsExactly("BR", "DE", "GB", "US");
      assertThat(outages.get(0).getPreviousState()).isEqualTo(OutageState.UNKNOWN);
    }
  }

  @Test
  void aRegionRacingAheadWaitsForTheOthersSoTheRollUpStillSeesThemTogether() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, RegionWindowHealth> in = input(driver);
      // US's verdicts arrive first and all at once, as when its upstream task catches up faster
      for (String region : List.of("US", "BR", "DE")) {
        for (int w = 0; w < 8; w++) {
          pipe(in, window("whatsapp", region, w, w >= 1 && w <= 3 ? HealthStatus.DOWN : HealthStatus.HEALTHY));
        }
      }
      assertThat(outages(driver)).as("a new service waits one slack for its other regions").isEmpty();
      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2));

      assertThat(outages(driver)).extracting(OutageEvent::getScope).containsOnly(OutageScope.GLOBAL);
      assertThat(pages(driver)).extracting(Page::getAction).containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
    }
  }

  @Test
  void aStalledRegionStopsHoldingTheOthersBackAfterTheSlack() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, RegionWindowHealth> in = input(driver);
      pipe(in, window("whatsapp", "US", 0, HealthStatus.HEALTHY));
      pipe(in, window("whatsapp", "BR", 0, HealthStatus.HEALTHY));
      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2));

      pipe(in, window("whatsapp", "US", 1, HealthStatus.HEALTHY)); // then US goes silent
      for (int w = 1; w <= 3; w++) {
        pipe(in, window("whatsapp", "BR", w, HealthStatus.DOWN));
      }
      assertThat(outages(driver)).as("BR's windows after US's watermark wait for US").isEmpty();

      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2));

      assertThat(outages(driver)).extracting(OutageEvent::getOutageId).containsExactly("whatsapp-BR-20211004T153030Z");
    }
  }

  @Test
  void probeVerdictsAheadOfTheRegionsReportMinutesWaitForThem() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, RegionWindowHealth> in = input(driver);
      TestInputTopic<String, ReportWindowStats> minutes = driver.createInputTopic(topics.reportHealth.name(),
          topics.reportHealth.keySerde().serializer(), topics.reportHealth.valueSerde().serializer());
      pipe(in, window("whatsapp", "BR", 0, HealthStatus.HEALTHY));
      ReportWindowStats quietMinute = ReportWindowStats.newBuilder()
          .setService("whatsapp").setRegion("BR").setWindowStart(Probes.T0).setWindowEnd(Probes.T0.plusSeconds(60))
          .setReports(3).setDistinctReporters(3).setBaselineMedian(3.0).setBaselineMad(1.0).setAnomalyScore(0.0)
          .setAnomalous(false).setWarmingUp(false).setMeanSentiment(null).setNegativeShare(null).build();
      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2)); // past the new service's first-seen hold
      minutes.pipeInput("whatsapp|BR", quietMinute, quietMinute.getWindowEnd());

      // the probe-health application has caught up further than the report application
      for (int w = 1; w <= 4; w++) {
        pipe(in, window("whatsapp", "BR", w, HealthStatus.DOWN));
      }
      assertThat(outages(driver)).as("verdicts past the report minutes' watermark wait for them")
          .noneMatch(o -> o.getState() == OutageState.CONFIRMED);

      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2)); // the reports stall: stop waiting

      assertThat(outages(driver)).anyMatch(o -> o.getState() == OutageState.CONFIRMED);
    }
  }

  private TopologyTestDriver driver() {
    return driver(ALERTS);
  }

  private TopologyTestDriver driver(AlertConfig alerts) {
    return new TopologyTestDriver(OutageLifecycleTopology.build(CONFIG, ReportDetectionConfig.defaults(), alerts, topics),
        StreamsProperties.of("lifecycle-test", "dummy:9092", topics.deadLetters.name(), stateDir, false));
  }

  private TestInputTopic<String, RegionWindowHealth> input(TopologyTestDriver driver) {
    return driver.createInputTopic(topics.regionHealth.name(),
        topics.regionHealth.keySerde().serializer(), topics.regionHealth.valueSerde().serializer());
  }

  private static void pipe(TestInputTopic<String, RegionWindowHealth> in, RegionWindowHealth window) {
    in.pipeInput(window.getService() + "|" + window.getRegion(), window, window.getWindowEnd());
  }

  private List<OutageEvent> outages(TopologyTestDriver driver) {
    return driver.createOutputTopic(topics.outages.name(),
        topics.outages.keySerde().deserializer(), topics.outages.valueSerde().deserializer()).readValuesToList();
  }

  private List<Page> pages(TopologyTestDriver driver) {
    return driver.createOutputTopic(topics.alerts.name(),
        topics.alerts.keySerde().deserializer(), topics.alerts.valueSerde().deserializer()).readValuesToList();
  }

  /** BR, US and DE down for windows 0–1 (a global outage from 15:30), healthy for 2–4. */
  private static void globalOutage(TestInputTopic<String, RegionWindowHealth> in) {
    for (int w = 0; w < 5; w++) {
      for (String region : List.of("BR", "US", "DE")) {
        pipe(in, window("whatsapp", region, w, w < 2 ? HealthStatus.DOWN : HealthStatus.HEALTHY));
      }
    }
  }

  @Test
  void aMaintenanceWindowHoldsThePagesBackButTheOutageIsStillRecorded() {
    AlertConfig alerts = new AlertConfig(Duration.ofMinutes(30),
        AlertConfig.MaintenanceWindow.parseAll("whatsapp|DE@2021-10-04T15:00:00Z/2021-10-04T16:00:00Z"));
    try (TopologyTestDriver driver = driver(alerts)) {
      globalOutage(input(driver));
      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2));

      assertThat(outages(driver)).extracting(OutageEvent::getState).contains(OutageState.CONFIRMED, OutageState.RESOLVED);
      assertThat(pages(driver)).isEmpty();
    }
  }

  @Test
  void aStillOpenOutagePagesAgainAfterTheRenotifyIntervalAndNotAfterItResolved() {
    try (TopologyTestDriver driver = driver(new AlertConfig(Duration.ofMinutes(30), List.of()))) {
      TestInputTopic<String, RegionWindowHealth> in = input(driver);
      for (String region : List.of("BR", "US", "DE")) {
        pipe(in, window("whatsapp", region, 0, HealthStatus.DOWN));
        pipe(in, window("whatsapp", region, 1, HealthStatus.DOWN));
      }
      driver.advanceWallClockTime(CONFIG.alignmentSlack().plusSeconds(2));
      assertThat(pages(driver)).extracting(Page::getAction, Page::getRenotify)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(PageAction.TRIGGER, false));

      driver.advanceWallClockTime(Duration.ofMinutes(30));
      List<Page> again = pages(driver);
      assertThat(again).extracting(Page::getAction, Page::getRenotify)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(PageAction.TRIGGER, true));
      assertThat(again.get(0).getDedupKey()).isEqualTo("whatsapp-global-20211004T153000Z");

      for (int w = 2; w < 5; w++) {
        for (String region : List.of("BR", "US", "DE")) {
          pipe(in, window("whatsapp", region, w, HealthStatus.HEALTHY));
        }
      }
      driver.advanceWallClockTime(Duration.ofSeconds(1));
      assertThat(pages(driver)).extracting(Page::getAction).containsExactly(PageAction.RESOLVE);
      driver.advanceWallClockTime(Duration.ofHours(1));
      assertThat(pages(driver)).isEmpty();
    }
  }

  @Test
  void topologyMatchesItsGoldenDescription() throws Exception {
    GoldenTopology.assertMatches("outage-lifecycle", OutageLifecycleTopology.build(CONFIG, ReportDetectionConfig.defaults(), ALERTS, topics));
  }
}
