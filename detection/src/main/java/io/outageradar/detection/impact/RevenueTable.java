package io.outageradar.detection.impact;

import io.outageradar.avro.Money;
import io.outageradar.model.ServiceRegion;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Revenue per hour that flows through a service in a region, for the estimated business impact.
 * Parsed from entries {@code service|region=amount CUR}, e.g. {@code whatsapp|BR=25000.00 BRL};
 * amounts are kept in minor units of the currency, never as floating point.
 */
public final class RevenueTable {
  private final Map<String, Money> perHour;

  private RevenueTable(Map<String, Money> perHour) {
    this.perHour = perHour;
  }

  public static RevenueTable empty() {
    return new RevenueTable(Map.of());
  }

  /**
   * Parses comma-separated {@code service|region=amount CUR} entries; errors name the bad entry.
   */
  public static RevenueTable parse(String entries) {
    Map<String, Money> table = new HashMap<>();
    for (String entry : entries.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] keyValue = entry.trim().split("=", 2);
      String[] amountCurrency =
          keyValue.length == 2 ? keyValue[1].trim().split("\\s+") : new String[0];
      if (amountCurrency.length != 2) {
        throw new IllegalArgumentException(
            "revenue entry \"" + entry.trim() + "\" is not service|region=amount CUR");
      }
      ServiceRegion key = ServiceRegion.parse(keyValue[0].trim());
      Currency currency = Currency.getInstance(amountCurrency[1]);
      long minor =
          new BigDecimal(amountCurrency[0])
              .movePointRight(currency.getDefaultFractionDigits())
              .longValueExact();
      table.put(key.key(), new Money(minor, currency.getCurrencyCode()));
    }
    return new RevenueTable(Map.copyOf(table));
  }

  /** Revenue per hour through the service in the region, or null when none is configured. */
  public Money perHour(String service, String region) {
    return perHour.get(new ServiceRegion(service, region).key());
  }

  /** The configured currency of a region (the first entry's), or "XXX" (ISO 4217: no currency). */
  public String currencyOf(String region) {
    return perHour.entrySet().stream()
        .filter(e -> ServiceRegion.parse(e.getKey()).region().equals(region))
        .map(e -> e.getValue().getCurrency())
        .sorted()
        .findFirst()
        .orElse("XXX");
  }
}
