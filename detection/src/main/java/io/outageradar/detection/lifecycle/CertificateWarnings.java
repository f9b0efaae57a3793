package io.outageradar.detection.lifecycle;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import io.outageradar.avro.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Certificates about to expire page once, at warning severity: the first probe result that sees a
 * target's certificate within {@code warnDays} of its expiry triggers a page (whichever agent saw
 * it), and the first one that sees a renewed certificate resolves it, so the next certificate of
 * the same target can warn again.
 */
public final class CertificateWarnings {
  private final int warnDays;

  public CertificateWarnings(int warnDays) {
    if (warnDays < 0) {
      throw new IllegalArgumentException("certificate warning days must not be negative");
    }
    this.warnDays = warnDays;
  }

  /** The certificate a probe result saw: one per service and target. */
  public static String key(ProbeResult probe) {
    return probe.getService() + "|" + probe.getTarget();
  }

  /** The page a probe result sends, given whether its target's certificate has warned already. */
  public Optional<Page> pageFor(ProbeResult probe, boolean warned) {
    Integer days = probe.getCertDaysToExpiry();
    if (days == null) {
      return Optional.empty();
    }
    if (days <= warnDays && !warned) {
      return Optional.of(
          page(
              probe,
              PageAction.TRIGGER,
              probe.getService()
                  + ": the certificate of "
                  + probe.getTarget()
                  + " expires in "
                  + days
                  + (days == 1 ? " day" : " days")));
    }
    if (days > warnDays && warned) {
      return Optional.of(
          page(
              probe,
              PageAction.RESOLVE,
              probe.getService() + ": the certificate of " + probe.getTarget() + " was renewed"));
    }
    return Optional.empty();
  }

  private static Page page(ProbeResult probe, PageAction action, String summary) {
    return Page.newBuilder()
        .setDedupKey("certificate-" + probe.getService() + "-" + probe.getTarget())
        .setAction(action)
        .setAt(probe.getObservedAt())
        .setService(probe.getService())
        .setScope(OutageScope.REGIONAL)
        .setRegions(new ArrayList<>(List.of(probe.getRegion())))
        .setCause(CauseHint.TLS)
        .setSeverity(PageSeverity.WARNING)
        .setSummary(summary)
        .setOnset(probe.getObservedAt())
        .setEstimatedLoss(new ArrayList<>())
        .build();
  }
}
