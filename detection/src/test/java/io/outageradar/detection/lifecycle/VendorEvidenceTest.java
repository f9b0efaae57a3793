package io.outageradar.detection.lifecycle;

import static io.outageradar.avro.HealthStatus.DOWN;
import static io.outageradar.avro.HealthStatus.HEALTHY;
import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.OutageLoss;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.testkit.Vendors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service's own status page as evidence (defaults: 2 of 3 DOWN windows confirm): it speeds up a
 * confirmation the probes support, never opens an outage alone, and an outage it does not admit is
 * confirmed anyway and says so.
 */
class VendorEvidenceTest {
  private final OutageLifecycle lifecycle =
      new OutageLifecycle(DetectionConfig.defaults(), ReportDetectionConfig.defaults());
  private final ServiceLifecycleState state = OutageLifecycle.emptyState();
  private final List<OutageEvent> events = new ArrayList<>();

  private void probes(String region, int window, HealthStatus status) {
    events.addAll(
        lifecycle.apply(
            state, new RegionSignal(window("whatsapp", region, window, status), null, null)));
  }

  private void vendor(String region, VendorState said, long atSeconds) {
    VendorStatus statement = Vendors.says("whatsapp", region, said, at(atSeconds));
    events.addAll(lifecycle.apply(state, new RegionSignal(null, null, statement)));
  }

  @Test
  void aMajorOutageOnThePageConfirmsTheFirstDownWindow() {
    vendor("*", VendorState.MAJOR_OUTAGE, 10);
    probes("BR", 0, HEALTHY);
    probes("BR", 1, DOWN);

    assertThat(events).as("one DOWN window and the vendor's word").hasSize(1);
    OutageEvent opened = events.get(0);
    assertThat(opened.getState()).isEqualTo(OutageState.CONFIRMED);
    assertThat(opened.getConfirmedAt()).isEqualTo(at(60));
    assertThat(opened.getVendorSays().getAcknowledged()).isTrue();
    assertThat(opened.getVendorSays().getState()).isEqualTo(VendorState.MAJOR_OUTAGE);
    assertThat(opened.getVendorSays().getIncident()).isEqualTo("Users unable to send messages");
  }

  @Test
  void aSuspectedRegionConfirmsWhenThePageAdmitsTheOutage() {
    probes("BR", 0, HEALTHY);
    probes("BR", 1, DOWN);
    assertThat(events).as("only suspected").isEmpty();

    vendor("BR", VendorState.PARTIAL_OUTAGE, 65);

    assertThat(events).extracting(OutageEvent::getState).containsExactly(OutageState.CONFIRMED);
    assertThat(events.get(0).getConfirmedAt()).isEqualTo(at(65));
    assertThat(events.get(0).getOnset()).isEqualTo(at(30));
  }

  @Test
  void thePageAloneOpensNothing() {
    vendor("*", VendorState.MAJOR_OUTAGE, 0);
    for (int window = 0; window < 6; window++) {
      probes("BR", window, HEALTHY);
    }
    assertThat(events).isEmpty();
    assertThat(state.getRegions().get("BR").getHealthyStreak())
        .as("the windows were judged")
        .isEqualTo(6);
  }

  @Test
  void anOutageThePageDoesNotAdmitIsConfirmedAnywayAndSaysSo() {
    vendor("*", VendorState.OPERATIONAL, 0);
    probes("BR", 0, DOWN);
    probes("BR", 1, DOWN);

    assertThat(events).hasSize(1);
    assertThat(events.get(0).getConfirmedAt())
        .as("the usual two of three windows")
        .isEqualTo(at(60));
    assertThat(events.get(0).getVendorSays().getAcknowledged()).isFalse();
    assertThat(events.get(0).getVendorSays().getState()).isEqualTo(VendorState.OPERATIONAL);

    for (int window = 2; window < 6; window++) {
      probes("BR", window, DOWN); // the regional outage pages after its roll-up wait
    }
    List<Page> pages =
        events.stream()
            .flatMap(e -> Pages.forChange(e, new OutageLoss(RevenueTable.empty())).stream())
            .toList();
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).getSummary())
        .isEqualTo(
            "whatsapp is down in BR, cause hint DNS; the meta status page has not acknowledged it"
                + " (says operational)");
  }

  @Test
  void aPageOfAnotherRegionSaysNothingOfThisOne() {
    vendor("US", VendorState.MAJOR_OUTAGE, 0);
    probes("BR", 0, DOWN);
    assertThat(events).as("US's word does not confirm BR").isEmpty();
    probes("BR", 1, DOWN);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getVendorSays()).as("nothing said of BR").isNull();
  }
}
