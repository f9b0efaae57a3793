package io.outageradar.streams;

import static io.outageradar.testkit.Probes.T0;
import static io.outageradar.testkit.Probes.round;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.state.RegionOutages;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an outage has come and gone and every window has closed, the topology's working stores hold
 * nothing of it: open windows, report minutes, pending verdicts, open pages and the region's open
 * outages are gone, and reporters are forgotten once their hour has passed, also when no new report
 * comes (the silent input's clock follows the wall clock). What stays by design (per-input clocks,
 * baselines, each service's lifecycle) is not checked here.
 */
class StateCleanupTest {
  private static final String SCOPE = StateCleanupTest.class.getName();

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void anOutageThatCameAndWentLeavesNothingInTheWorkingStores() {
    try (DetectionDriver driver = new DetectionDriver(topics, stateDir)) {
      for (int w = 0; w < 20; w++) {
        for (String region : List.of("BR", "US", "DE")) {
          round("whatsapp", region, w, w >= 1 && w <= 5 ? HealthStatus.DOWN : HealthStatus.HEALTHY)
              .forEach(driver::probe);
        }
        report(driver, "reporter-" + w, T0.plusSeconds(30L * w + 7));
      }
      driver.goQuiet();
      // the inputs stay silent: their clocks follow the wall clock, and after two hours every
      // reporter's hour has passed
      driver.idle(Duration.ofHours(2).plusMinutes(5));

      assertThat(driver.pages())
          .as("the outage was judged and paged")
          .extracting(p -> p.getAction())
          .containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
      assertThat(driver.outages())
          .last()
          .extracting(o -> o.getState())
          .isEqualTo(OutageState.RESOLVED);
      assertThat(driver.regionHealth()).as("windows judged").hasSizeGreaterThanOrEqualTo(60);
      for (String store :
          List.of(
              StoreNames.PROBE_WINDOWS,
              StoreNames.REPORT_WINDOWS,
              StoreNames.LIFECYCLE_PENDING,
              StoreNames.OPEN_PAGES,
              StoreNames.REPORTERS_SEEN)) {
        assertThat(entries(driver, store)).as(store).isEmpty();
      }
      List<KeyValue<Object, Object>> regions = entries(driver, StoreNames.REGION_OUTAGES);
      assertThat(regions).as("regions the outage touched").hasSize(3);
      assertThat(regions)
          .allSatisfy(entry -> assertThat(((RegionOutages) entry.value).getOpen()).isEmpty());
    }
  }

  private static void report(DetectionDriver driver, String reporter, Instant at) {
    driver.report(
        UserReport.newBuilder()
            .setReportId(UUID.randomUUID().toString())
            .setService("whatsapp")
            .setRegion("BR")
            .setReporterId(reporter)
            .setSource(ReportSource.WEB)
            .setCategory(ReportCategory.MESSAGING)
            .setText("whatsapp is down")
            .setLang("en")
            .setReportedAt(at)
            .setSentiment(null)
            .build());
  }

  private static List<KeyValue<Object, Object>> entries(DetectionDriver driver, String store) {
    List<KeyValue<Object, Object>> entries = new ArrayList<>();
    ReadOnlyKeyValueStore<Object, Object> kv = driver.driver().getKeyValueStore(store);
    try (KeyValueIterator<Object, Object> all = kv.all()) {
      all.forEachRemaining(entries::add);
    }
    return entries;
  }
}
