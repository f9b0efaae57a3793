package io.outageradar.detection.impact;

import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.RegionImpact;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The impact of a region's open outages at a point in time. Estimated loss: each outage's loss in
 * the region ({@link OutageLoss}), summed in the region's currency and rounded half-up to the minor
 * unit once, at the end.
 */
public final class ImpactCalculator {
  private final RevenueTable revenue;
  private final OutageLoss losses;

  public ImpactCalculator(RevenueTable revenue) {
    this.revenue = revenue;
    this.losses = new OutageLoss(revenue);
  }

  public RegionImpact impact(String region, Collection<OutageEvent> open, Instant asOf) {
    String currency = revenue.currencyOf(region);
    BigDecimal loss = BigDecimal.ZERO;
    double severity = 0;
    Instant since = null;
    long reports = 0;
    double sentimentSum = 0;
    long sentimentWeight = 0;
    for (OutageEvent outage : open) {
      reports += outage.getReports();
      if (outage.getMeanSentiment() != null) {
        sentimentSum += outage.getMeanSentiment() * outage.getReports();
        sentimentWeight += outage.getReports();
      }
      Duration down = Duration.between(outage.getOnset(), asOf);
      severity = Math.max(severity, severity(outage, down));
      since = since == null || outage.getOnset().isBefore(since) ? outage.getOnset() : since;
      loss = loss.add(losses.inRegion(outage, region, currency, asOf));
    }
    List<String> services =
        List.copyOf(new TreeSet<>(open.stream().map(OutageEvent::getService).toList()));
    List<String> ids =
        List.copyOf(new TreeSet<>(open.stream().map(OutageEvent::getOutageId).toList()));
    return RegionImpact.newBuilder()
        .setRegion(region)
        .setAffectedServices(services)
        .setOutageIds(ids)
        .setSince(since)
        .setDurationMs(since == null ? 0 : Math.max(0, Duration.between(since, asOf).toMillis()))
        .setSeverity(severity)
        .setReports(reports)
        .setMeanSentiment(sentimentWeight == 0 ? null : sentimentSum / sentimentWeight)
        .setEstimatedLoss(new Money(OutageLoss.rounded(loss), currency))
        .setAsOf(asOf)
        .build();
  }

  /**
   * Severity: share unavailable × hours down (at least a quarter hour, so a fresh outage is not 0),
   * doubled for a GLOBAL outage and doubled again when independent signals agree (probes saw
   * failures and users reported).
   */
  static double severity(OutageEvent outage, Duration down) {
    boolean probesSawIt = outage.getPeakFailureRatio() > 0;
    double share = probesSawIt ? outage.getPeakFailureRatio() : 1.0;
    double hours = Math.max(0.25, down.toMillis() / 3_600_000.0);
    double global = outage.getScope() == OutageScope.GLOBAL ? 2 : 1;
    double agreement = probesSawIt && outage.getReports() > 0 ? 2 : 1;
    return share * hours * global * agreement;
  }
}
