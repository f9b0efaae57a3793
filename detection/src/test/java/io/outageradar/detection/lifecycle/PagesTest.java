package io.outageradar.detection.lifecycle;

import static io.outageradar.testkit.Probes.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import io.outageradar.detection.impact.OutageLoss;
import io.outageradar.detection.impact.RevenueTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static final OutageLoss NO_REVENUE = new OutageLoss(RevenueTable.empty());
  private static final OutageLoss REVENUE =
      new OutageLoss(
          RevenueTable.parse(
              "whatsapp|BR=3600.00 BRL, instagram|BR=7200.00 BRL, whatsapp|US=1000.00 USD, whatsapp|DE=500.00 EUR"));

  private static OutageEvent event(OutageState previous, OutageState state) {
    return notified(previous, state, at(660), at(660));
  }

  private static OutageEvent notified(
      OutageState previous, OutageState state, Instant notifiedAt, Instant updatedAt) {
    return OutageEvent.newBuilder()
        .setOutageId("whatsapp-global-20211004T154000Z")
        .setService("whatsapp")
        .setScope(OutageScope.GLOBAL)
        .setRegions(List.of("BR", "DE", "US"))
        .setState(state)
        .setPreviousState(previous)
        .setOnset(at(600))
        .setConfirmedAt(at(660))
        .setResolvedAt(null)
        .setCause(CauseHint.DNS)
        .setPeakFailureRatio(1.0)
        .setMergedInto(null)
        .setNotifiedAt(notifiedAt)
        .setUpdatedAt(updatedAt)
        .build();
  }

  @Test
  void aNewConfirmedOutageTriggersWithTheOutageIdAsDedupKey() {
    List<Page> pages =
        Pages.forChange(event(OutageState.UNKNOWN, OutageState.CONFIRMED), NO_REVENUE);

    assertThat(pages).hasSize(1);
    Page page = pages.get(0);
    assertThat(page.getAction()).isEqualTo(PageAction.TRIGGER);
    assertThat(page.getDedupKey()).isEqualTo("whatsapp-global-20211004T154000Z");
    assertThat(page.getSeverity()).isEqualTo(PageSeverity.CRITICAL);
    assertThat(page.getSummary())
        .isEqualTo("whatsapp is down in 3 regions (BR, DE, US), cause hint DNS");
  }

  @Test
  void resolutionResolvesAndIntermediateChangesDoNotPage() {
    assertThat(
            Pages.forChange(
                notified(OutageState.RECOVERING, OutageState.RESOLVED, at(660), at(900)),
                NO_REVENUE))
        .extracting(Page::getAction)
        .containsExactly(PageAction.RESOLVE);
    assertThat(
            Pages.forChange(
                notified(OutageState.CONFIRMED, OutageState.RECOVERING, at(660), at(700)),
                NO_REVENUE))
        .isEmpty();
    assertThat(
            Pages.forChange(
                notified(OutageState.RECOVERING, OutageState.CONFIRMED, at(660), at(730)),
                NO_REVENUE))
        .isEmpty();
    assertThat(
            Pages.forChange(
                notified(OutageState.CONFIRMED, OutageState.CONFIRMED, at(660), at(690)),
                NO_REVENUE))
        .isEmpty();
  }

  @Test
  void anOutageHeldBackAndNeverNotifiedPagesNothingAtAll() {
    assertThat(
            Pages.forChange(
                notified(OutageState.UNKNOWN, OutageState.CONFIRMED, null, at(660)), NO_REVENUE))
        .isEmpty();
    assertThat(
            Pages.forChange(
                notified(OutageState.CONFIRMED, OutageState.RESOLVED, null, at(690)), NO_REVENUE))
        .isEmpty();
  }

  @Test
  void aTriggerCarriesItsOwnOutagesLossPerCurrencyUpToTheChange() {
    // onset at(600), trigger at(660): one minute down, every agent failing.
    Page trigger =
        Pages.forChange(event(OutageState.UNKNOWN, OutageState.CONFIRMED), REVENUE).get(0);

    assertThat(trigger.getEstimatedLoss())
        .containsExactly(
            new Money(6_000L, "BRL"), new Money(833L, "EUR"), new Money(1_667L, "USD"));
  }

  @Test
  void twoServicesDownInOneRegionEachPageTheirOwnLossAndThePartialShareCounts() {
    OutageEvent whatsapp = notified(OutageState.UNKNOWN, OutageState.CONFIRMED, at(660), at(660));
    whatsapp.setScope(OutageScope.REGIONAL);
    whatsapp.setRegions(List.of("BR"));
    whatsapp.setPeakFailureRatio(0.5);
    OutageEvent instagram = notified(OutageState.UNKNOWN, OutageState.CONFIRMED, at(660), at(660));
    instagram.setOutageId("instagram-br-20211004T154000Z");
    instagram.setService("instagram");
    instagram.setScope(OutageScope.REGIONAL);
    instagram.setRegions(List.of("BR"));

    assertThat(Pages.forChange(whatsapp, REVENUE).get(0).getEstimatedLoss())
        .containsExactly(new Money(3_000L, "BRL"));
    assertThat(Pages.forChange(instagram, REVENUE).get(0).getEstimatedLoss())
        .containsExactly(new Money(12_000L, "BRL"));
  }

  @Test
  void aResolveCountsTheLossUpToTheResolutionNotTheLaterChange() {
    OutageEvent resolved =
        notified(OutageState.RECOVERING, OutageState.RESOLVED, at(660), at(1_200));
    resolved.setRegions(List.of("BR"));
    resolved.setResolvedAt(at(960));

    assertThat(Pages.forChange(resolved, REVENUE).get(0).getEstimatedLoss())
        .containsExactly(new Money(36_000L, "BRL"));
  }

  @Test
  void anOutageWithNoRevenueConfiguredCarriesNoLoss() {
    assertThat(
            Pages.forChange(event(OutageState.UNKNOWN, OutageState.CONFIRMED), NO_REVENUE)
                .get(0)
                .getEstimatedLoss())
        .isEmpty();
  }
}
