package io.outageradar.streams.impact;

import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionImpact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The impact of a region's open outages at a point in time. Estimated loss = revenue per hour
 * through the channel × hours down so far × share unavailable (the outage's peak share of failing
 * agents), summed over the region's outages in the region's currency and rounded half-up to the
 * minor unit once, at the end.
 */
public final class ImpactCalculator {
  private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toMillis());

  private final RevenueTable revenue;

  public ImpactCalculator(RevenueTable revenue) {
    this.revenue = revenue;
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
      Money perHour = revenue.perHour(outage.getService(), region);
      if (perHour != null && perHour.getCurrency().equals(currency)) {
        loss = loss.add(BigDecimal.valueOf(perHour.getAmountMinor())
            .multiply(BigDecimal.valueOf(Math.max(0, down.toMillis())))
            .multiply(BigDecimal.valueOf(outage.getPeakFailureRatio() > 0 ? outage.getPeakFailureRatio() : 1.0))
            .divide(MS_PER_HOUR, 6, RoundingMode.HALF_UP));
      }
    }
    List<String> services = List.copyOf(new TreeSet<>(open.stream().map(OutageEvent::getService).toList()));
    List<String> ids = List.copyOf(new TreeSet<>(open.stream().map(OutageEvent::getOutageId).toList()));
    return RegionImpact.newBuilder()
        .setRegion(region)
        .setAffectedServices(services)
        .setOutageIds(ids)
        .setSince(since)
        .setDurationMs(since == null ? 0 : Math.max(0, Duration.between(since, asOf).toMillis()))
        .setSeverity(severity)
        .setReports(reports)
        .setMeanSentiment(sentimentWeight == 0 ? null : sentimentSum / sentimentWeight)
        .setEstimatedLoss(new Money(loss.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency))
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
    double global = outage.getScope() == io.outageradar.avro.OutageScope.GLOBAL ? 2 : 1;
    double agreement = probesSawIt && outage.getReports() > 0 ? 2 : 1;
    return share * hours * global * agreement;
  }
}
