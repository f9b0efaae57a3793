package io.outageradar.simulation;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * User reports minute by minute: for each service and region, a count drawn around the region's
 * diurnal rate times the scenario's surge factor (1 on a normal minute), each from a different
 * person, written in the region's languages. Deterministic for a seed; in event-time order.
 */
record ReportTraffic(
    List<String> services,
    List<ReportRegion> regions,
    Instant start,
    Instant end,
    long seed,
    Surge surge) {
  /**
   * How many times the normal rate people report a service in a region in the minute starting at
   * {@code minute}.
   */
  @FunctionalInterface
  interface Surge {
    Surge NONE = (service, region, minute) -> 1.0;

    double factor(String service, String region, Instant minute);
  }

  /** A factor above this makes people write outage complaints rather than everyday gripes. */
  private static final double COMPLAINING = 2.0;

  private static final List<ReportCategory> OUTAGE_CATEGORIES =
      List.of(
          ReportCategory.MESSAGING,
          ReportCategory.LOGIN,
          ReportCategory.FEED,
          ReportCategory.CONNECTIVITY);

  Stream<UserReport> reports() {
    long minutes = Duration.between(start, end).toMinutes();
    return LongStream.range(0, minutes).boxed().flatMap(this::minute);
  }

  private Stream<UserReport> minute(long minute) {
    SplittableRandom random = new SplittableRandom(seed * 7919 + minute);
    Instant at = start.plus(Duration.ofMinutes(minute));
    Stream.Builder<UserReport> reports = Stream.builder();
    for (String service : services) {
      for (ReportRegion region : regions) {
        double factor = surge.factor(service, region.region(), at);
        double mean = region.expectedPerMinute(at) * factor;
        long count = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        for (int i = 0; i < count; i++) {
          reports.add(report(service, region, at, factor >= COMPLAINING, random));
        }
      }
    }
    return reports.build().sorted(Comparator.comparing(UserReport::getReportedAt));
  }

  private static UserReport report(
      String service,
      ReportRegion region,
      Instant minute,
      boolean outage,
      SplittableRandom random) {
    String lang = random.nextDouble() < region.secondShare() ? region.secondLang() : region.lang();
    return UserReport.newBuilder()
        .setReportId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setService(service)
        .setRegion(region.region())
        .setReporterId("u-" + random.nextInt(5_000_000))
        .setSource(random.nextInt(3) == 0 ? ReportSource.WEB : ReportSource.APP)
        .setCategory(
            outage
                ? OUTAGE_CATEGORIES.get(random.nextInt(OUTAGE_CATEGORIES.size()))
                : ReportCategory.OTHER)
        .setText(ReportTexts.pick(lang, outage, random))
        .setLang(null) // left for the sentiment stage to recognise, as with most real reports
        .setReportedAt(minute.plusMillis(random.nextLong(60_000)))
        .setSentiment(null)
        .build();
  }
}
