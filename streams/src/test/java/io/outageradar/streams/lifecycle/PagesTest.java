package io.outageradar.streams.lifecycle;

import static io.outageradar.streams.Probes.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static OutageEvent event(OutageState previous, OutageState state) {
    return notified(previous, state, at(660), at(660));
  }

  private static OutageEvent notified(OutageState previous, OutageState state, java.time.Instant notifiedAt, java.time.Instant updatedAt) {
    return OutageEvent.newBuilder()
        .setOutageId("whatsapp-global-20211004T154000Z").setService("whatsapp").setScope(OutageScope.GLOBAL)
        .setRegions(List.of("BR", "DE", "US")).setState(state).setPreviousState(previous)
        .setOnset(at(600)).setConfirmedAt(at(660)).setResolvedAt(null).setCause(CauseHint.DNS)
        .setPeakFailureRatio(1.0).setMergedInto(null).setNotifiedAt(notifiedAt).setUpdatedAt(updatedAt)
        .build();
  }

  @Test
  void aNewConfirmedOutageTriggersWithTheOutageIdAsDedupKey() {
    List<Page> pages = Pages.forChange(event(OutageState.UNKNOWN, OutageState.CONFIRMED));

    assertThat(pages).hasSize(1);
    Page page = pages.get(0);
    assertThat(page.getAction()).isEqualTo(PageAction.TRIGGER);
    assertThat(page.getDedupKey()).isEqualTo("whatsapp-global-20211004T154000Z");
    assertThat(page.getSeverity()).isEqualTo(PageSeverity.CRITICAL);
    assertThat(page.getSummary()).isEqualTo("whatsapp is down in 3 regions (BR, DE, US), cause hint DNS");
  }

  @Test
  void resolutionResolvesAndIntermediateChangesDoNotPage() {
    assertThat(Pages.forChange(notified(OutageState.RECOVERING, OutageState.RESOLVED, at(660), at(900))))
        .extracting(Page::getAction).containsExactly(PageAction.RESOLVE);
    assertThat(Pages.forChange(notified(OutageState.CONFIRMED, OutageState.RECOVERING, at(660), at(700)))).isEmpty();
    assertThat(Pages.forChange(notified(OutageState.RECOVERING, OutageState.CONFIRMED, at(660), at(730)))).isEmpty();
    assertThat(Pages.forChange(notified(OutageState.CONFIRMED, OutageState.CONFIRMED, at(660), at(690)))).isEmpty();
  }

  @Test
  void anOutageHeldBackAndNeverNotifiedPagesNothingAtAll() {
    assertThat(Pages.forChange(notified(OutageState.UNKNOWN, OutageState.CONFIRMED, null, at(660)))).isEmpty();
    assertThat(Pages.forChange(notified(OutageState.CONFIRMED, OutageState.RESOLVED, null, at(690)))).isEmpty();
  }
}
