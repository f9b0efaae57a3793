package io.outageradar.simulation;

import io.outageradar.avro.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A week with no outage: user reports about whatsapp in Brazil and the United States follow a daily
 * rhythm in each country's local time (busy evenings, quiet nights) with Poisson-like noise, and a
 * few people report every day whatever happens. The right answer is no page all week.
 */
public final class QuietWeekScenario extends NamedScenario {
  public static final String NAME = "quiet-week";
  static final Instant START = Instant.parse("2024-04-01T00:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(7));
  private static final List<ReportRegion> REGIONS =
      List.of(
          ReportRegion.of("BR", -3, 30, "pt"), new ReportRegion("US", -5, 18, "en", "es", 0.15));

  private final long seed;

  public QuietWeekScenario(long seed) {
    super(NAME, START, END);
    this.seed = seed;
  }

  @Override
  public Stream<UserReport> reports() {
    return new ReportTraffic(
            List.of("whatsapp"), REGIONS, START, END, seed, ReportTraffic.Surge.NONE)
        .reports();
  }
}
