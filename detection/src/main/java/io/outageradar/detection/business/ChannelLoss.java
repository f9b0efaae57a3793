package io.outageradar.detection.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a business's channels lose while their platform is down: revenue per hour through the
 * channel × hours down × share unavailable, summed per currency and rounded half-up to the minor
 * unit once per currency. A channel that states a share of the daily revenue earns that share of
 * it, spread evenly over the 24 hours.
 */
public final class ChannelLoss {
  private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toMillis());
  private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

  private ChannelLoss() {}

  /** Revenue per hour through {@code channel} in minor units, or null when it states none. */
  static Money perHour(Business business, BusinessChannel channel) {
    if (channel.getRevenuePerHour() != null) {
      return channel.getRevenuePerHour();
    }
    Money daily = business.getDailyRevenue();
    if (channel.getDailyShare() == null || daily == null) {
      return null;
    }
    BigDecimal perHour =
        new BigDecimal(channel.getDailyShare())
            .multiply(BigDecimal.valueOf(daily.getAmountMinor()))
            .divide(HOURS_PER_DAY, 0, RoundingMode.HALF_UP);
    return new Money(perHour.longValueExact(), daily.getCurrency());
  }

  /**
   * The loss of {@code channels} over {@code downMs} at {@code share} unavailable, one amount per
   * currency, sorted by currency; channels without revenue count nothing.
   */
  public static List<Money> of(
      Business business, List<BusinessChannel> channels, long downMs, double share) {
    Map<String, BigDecimal> perCurrency = new TreeMap<>();
    for (BusinessChannel channel : channels) {
      Money rate = perHour(business, channel);
      if (rate != null) {
        perCurrency.merge(
            rate.getCurrency(),
            BigDecimal.valueOf(rate.getAmountMinor())
                .multiply(BigDecimal.valueOf(Math.max(0, downMs)))
                .multiply(BigDecimal.valueOf(share)),
            BigDecimal::add);
      }
    }
    return perCurrency.entrySet().stream()
        .map(
            e ->
                new Money(
                    e.getValue().divide(MS_PER_HOUR, 0, RoundingMode.HALF_UP).longValueExact(),
                    e.getKey()))
        .toList();
  }
}
