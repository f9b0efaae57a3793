package io.outageradar.producers.replay;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A week with no outage: user reports about whatsapp in Brazil and the United States follow a
 * daily rhythm in each country's local time (busy evenings, quiet nights) with Poisson-like noise,
 * and a few people report every day whatever happens. The right answer is no page all week.
 */
public final class QuietWeekScenario extends NamedScenario {
  public static final String NAME = "quiet-week";
  static final Instant START = Instant.parse("2024-04-01T00:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(7));
  /** Region, its UTC offset in hours, and its reports per minute at the busiest hour. */
  private record Country(String region, int utcOffset, double peakPerMinute) {}

  private static final List<Country> COUNTRIES = List.of(new Country("BR", -3, 30), new Country("US", -5, 18));
  private static final List<String> TEXTS = List.of(
      "mensagens nao chegam", "app lento hoje", "cant send photos", "not loading for me", "no funciona el audio");

  private final long seed;

  public QuietWeekScenario(long seed) {
    super(NAME, START, END);
    this.seed = seed;
  }

  @Override
  public Stream<UserReport> reports() {
    long minutes = Duration.between(START, END).toMinutes();
    return LongStream.range(0, minutes).boxed().flatMap(this::minute);
  }

  private Stream<UserReport> minute(long minute) {
    SplittableRandom random = new SplittableRandom(seed * 7919 + minute);
    Instant start = START.plus(Duration.ofMinutes(minute));
    Stream.Builder<UserReport> reports = Stream.builder();
    for (Country country : COUNTRIES) {
      double mean = expectedPerMinute(country, start);
      long count = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
      for (int i = 0; i < count; i++) {
        reports.add(UserReport.newBuilder()
            .setReportId(new UUID(random.nextLong(), random.nextLong()).toString())
            .setService("whatsapp")
            .setRegion(country.region())
            .setReporterId("u-" + random.nextInt(2_000_000))
            .setSource(ReportSource.APP)
            .setCategory(ReportCategory.MESSAGING)
            .setText(TEXTS.get(random.nextInt(TEXTS.size())))
            .setLang(null)
            .setReportedAt(start.plusMillis(random.nextLong(60_000)))
            .setSentiment(-0.3)
            .build());
      }
    }
    return reports.build().sorted(java.util.Comparator.comparing(UserReport::getReportedAt));
  }

  /** Quiet at 4 am local time, busiest around 8 pm, never below a fifth of the peak. */
  static double expectedPerMinute(Country country, Instant at) {
    int localHour = at.atOffset(ZoneOffset.ofHours(country.utcOffset())).getHour();
    double daily = 0.5 + 0.5 * Math.cos(2 * Math.PI * (localHour - 20) / 24.0);
    return country.peakPerMinute() * (0.2 + 0.8 * daily);
  }
}
