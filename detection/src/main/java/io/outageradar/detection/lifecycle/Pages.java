package io.outageradar.detection.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import io.outageradar.avro.VendorView;
import io.outageradar.detection.impact.OutageLoss;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which lifecycle changes page on-call: the change that notifies an outage ({@code notifiedAt ==
 * updatedAt}) triggers, and the end of a notified outage resolves. An outage that never paged (a
 * regional one merged into a global one during its roll-up wait) does not resolve anything either.
 */
public final class Pages {
  private Pages() {}

  /**
   * The pages a change sends; each carries the outage's loss as of the change (as of its resolution
   * for a RESOLVE).
   */
  public static List<Page> forChange(OutageEvent event, OutageLoss losses) {
    Instant notified = event.getNotifiedAt();
    boolean opened =
        notified != null
            && notified.equals(event.getUpdatedAt())
            && event.getState() != OutageState.RESOLVED;
    boolean closed = notified != null && event.getState() == OutageState.RESOLVED;
    if (!opened && !closed) {
      return List.of();
    }
    return List.of(
        Page.newBuilder()
            .setDedupKey(event.getOutageId())
            .setAction(opened ? PageAction.TRIGGER : PageAction.RESOLVE)
            .setAt(event.getUpdatedAt())
            .setService(event.getService())
            .setScope(event.getScope())
            .setRegions(event.getRegions())
            .setCause(event.getCause())
            .setSeverity(severity(event))
            .setSummary(summary(event, opened))
            .setOnset(event.getOnset())
            .setEstimatedLoss(
                losses.total(
                    event,
                    opened || event.getResolvedAt() == null
                        ? event.getUpdatedAt()
                        : event.getResolvedAt()))
            .build());
  }

  /** A degraded outage that pages (when configured to) is a warning; a confirmed one is not. */
  private static PageSeverity severity(OutageEvent event) {
    if (event.getState() == OutageState.DEGRADED) {
      return PageSeverity.WARNING;
    }
    return event.getScope() == OutageScope.GLOBAL ? PageSeverity.CRITICAL : PageSeverity.ERROR;
  }

  static String summary(OutageEvent event, boolean opened) {
    int count = event.getRegions().size();
    String where =
        event.getScope() == OutageScope.GLOBAL
            ? count
                + (count == 1 ? " region (" : " regions (")
                + String.join(", ", event.getRegions())
                + ")"
            : String.join(", ", event.getRegions());
    if (!opened) {
      return event.getMergedInto() != null
          ? event.getService() + " outage in " + where + " merged into " + event.getMergedInto()
          : event.getService() + " recovered in " + where;
    }
    String how = event.getState() == OutageState.DEGRADED ? " is degraded in " : " is down in ";
    return event.getService() + how + where + ", cause hint " + event.getCause() + vendor(event);
  }

  /** What the service's own status page says, when one is watched. */
  private static String vendor(OutageEvent event) {
    VendorView says = event.getVendorSays();
    if (says == null) {
      return "";
    }
    String state = says.getState().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (!says.getAcknowledged()) {
      return "; the "
          + says.getVendor()
          + " status page has not acknowledged it (says "
          + state
          + ")";
    }
    return "; the "
        + says.getVendor()
        + " status page says "
        + state
        + (says.getIncident() == null ? "" : " (" + says.getIncident() + ")");
  }
}
