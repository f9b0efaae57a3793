package io.outageradar.pager;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import java.time.Instant;
import java.util.List;

/** Pages of the 4 Oct 2021 whatsapp outage, as the lifecycle emits them. */
final class Pages {
  static final Instant ONSET = Instant.parse("2021-10-04T15:40:30Z");

  private Pages() {}

  static Page trigger(Instant at) {
    return page(PageAction.TRIGGER, at, List.of("BR", "GB", "NL", "US"));
  }

  static Page resolve(Instant at) {
    return page(PageAction.RESOLVE, at, List.of("BR", "DE", "GB", "IN", "NL", "US"));
  }

  static Page page(PageAction action, Instant at, List<String> regions) {
    return Page.newBuilder()
        .setDedupKey("whatsapp-global-20211004T154030Z")
        .setAction(action)
        .setAt(at)
        .setService("whatsapp")
        .setScope(OutageScope.GLOBAL)
        .setRegions(regions)
        .setCause(CauseHint.DNS)
        .setSeverity(PageSeverity.CRITICAL)
        .setSummary(
            "whatsapp is down in "
                + regions.size()
                + " regions ("
                + String.join(", ", regions)
                + "), cause hint DNS")
        .setOnset(ONSET)
        .setRenotify(false)
        .setEstimatedLoss(List.of())
        .build();
  }
}
