package io.outageradar.detection.impact;

import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revenue one outage has cost by a point in time: for each of its regions, revenue per hour of
 * its service there × hours since onset × share unavailable (the outage's peak share of failing
 * agents, or all of it when only users saw the outage). Kept unrounded until the caller sums what
 * it needs, so a total is rounded half-up to the minor unit once.
 */
public final class OutageLoss {
  private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toMillis());

  private final RevenueTable revenue;

  public OutageLoss(RevenueTable revenue) {
    this.revenue = revenue;
  }

  /**
   * The outage's loss in one region, unrounded, in minor units of {@code currency}; zero when its
   * revenue there is in another currency or unknown.
   */
  BigDecimal inRegion(OutageEvent outage, String region, String currency, Instant asOf) {
    Money perHour = revenue.perHour(outage.getService(), region);
    if (perHour == null || !perHour.getCurrency().equals(currency)) {
      return BigDecimal.ZERO;
    }
    long downMs = Math.max(0, Duration.between(outage.getOnset(), asOf).toMillis());
    double share = outage.getPeakFailureRatio() > 0 ? outage.getPeakFailureRatio() : 1.0;
    return BigDecimal.valueOf(perHour.getAmountMinor())
        .multiply(BigDecimal.valueOf(downMs))
        .multiply(BigDecimal.valueOf(share))
        .divide(MS_PER_HOUR, 6, RoundingMode.HALF_UP);
  }

  /**
   * The outage's loss over all its regions, one amount per currency (sorted by currency); empty
   * when no revenue is configured for any of them.
   */
  public List<Money> total(OutageEvent outage, Instant asOf) {
    Map<String, BigDecimal> perCurrency = new TreeMap<>();
    for (String region : outage.getRegions()) {
      Money perHour = revenue.perHour(outage.getService(), region);
      if (perHour != null) {
        perCurrency.merge(
            perHour.getCurrency(),
            inRegion(outage, region, perHour.getCurrency(), asOf),
            BigDecimal::add);
      }
    }
    return perCurrency.entrySet().stream()
        .map(e -> new Money(rounded(e.getValue()), e.getKey()))
        .toList();
  }

  static long rounded(BigDecimal minor) {
    return minor.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
