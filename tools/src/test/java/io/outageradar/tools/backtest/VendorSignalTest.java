package io.outageradar.tools.backtest;

import static io.outageradar.testkit.Probes.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.testkit.Probes;
import io.outageradar.testkit.Vendors;
import io.outageradar.tools.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * A service's own status page through the whole engine (placement, held verdicts, lifecycle,
 * pages), as {@code backtest --events} lines: whatsapp in BR fails from window 4 on.
 */
class VendorSignalTest {
  private static final int FAILS_FROM = 4;

  /** Three agents a window, 12 windows; statements slotted in by time, as a replay has them. */
  private static List<SpecificRecord> events(VendorStatus... statements) throws Exception {
    List<SpecificRecord> events = new ArrayList<>();
    for (int window = 0; window < 12; window++) {
      events.addAll(
          Probes.round(
              "whatsapp",
              "BR",
              window,
              window >= FAILS_FROM ? HealthStatus.DOWN : HealthStatus.HEALTHY));
    }
    events.addAll(List.of(statements));
    events.sort(Comparator.comparing(ScenarioEvents::timeOf));
    // through the public line format, as a user would give them to backtest
    List<SpecificRecord> lines = new ArrayList<>();
    for (SpecificRecord event : events) {
      lines.add(EventLine.parse(EventLine.format(event)));
    }
    return lines;
  }

  private static Outcome backtest(List<SpecificRecord> events) {
    return Backtest.run(
        "vendor", events.stream(), DetectionConfig.defaults(), ReportDetectionConfig.defaults());
  }

  private static OutageEvent theOutage(Outcome outcome) {
    assertThat(outcome.outages()).hasSize(1);
    return outcome.outages().get(0);
  }

  @Test
  void aPageAdmittingAMajorOutageConfirmsTheFirstDownWindow() throws Exception {
    OutageEvent without = theOutage(backtest(events()));
    OutageEvent with =
        theOutage(
            backtest(
                events(
                    Vendors.says("whatsapp", "*", VendorState.MAJOR_OUTAGE, at(FAILS_FROM * 30)))));

    assertThat(without.getConfirmedAt()).as("2 of 3 windows").isEqualTo(at(FAILS_FROM * 30 + 60));
    assertThat(without.getVendorSays()).isNull();
    assertThat(with.getConfirmedAt())
        .as("the first DOWN window, with the vendor's word")
        .isEqualTo(at(FAILS_FROM * 30 + 30));
    assertThat(with.getOnset()).isEqualTo(without.getOnset());
    assertThat(with.getVendorSays().getAcknowledged()).isTrue();
  }

  @Test
  void anOutageThePageDoesNotAdmitIsConfirmedAnywayAndThePageSaysSo() throws Exception {
    Outcome outcome =
        backtest(events(Vendors.says("whatsapp", "*", VendorState.OPERATIONAL, at(0))));

    OutageEvent outage = theOutage(outcome);
    assertThat(outage.getConfirmedAt()).isEqualTo(at(FAILS_FROM * 30 + 60));
    assertThat(outage.getVendorSays().getAcknowledged()).isFalse();
    List<Page> triggers =
        outcome.pages().stream().filter(p -> p.getAction() == PageAction.TRIGGER).toList();
    assertThat(triggers).hasSize(1);
    assertThat(triggers.get(0).getSummary())
        .endsWith("; the meta status page has not acknowledged it (says operational)");
  }

  @Test
  void aPageAloneOpensNothing() throws Exception {
    List<SpecificRecord> quiet = new ArrayList<>();
    for (int window = 0; window < 12; window++) {
      quiet.addAll(Probes.round("whatsapp", "BR", window, HealthStatus.HEALTHY));
    }
    quiet.add(Vendors.says("whatsapp", "BR", VendorState.MAJOR_OUTAGE, at(65)));
    quiet.sort(Comparator.comparing(ScenarioEvents::timeOf));

    Outcome outcome = backtest(quiet);

    assertThat(outcome.outages()).isEmpty();
    assertThat(outcome.judged().probeWindows()).as("every window was judged").isEqualTo(12);
  }
}
