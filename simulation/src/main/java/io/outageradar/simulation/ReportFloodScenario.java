package io.outageradar.simulation;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An hour of ordinary reports about instagram in Germany (about 15 distinct people a minute), then
 * a script posts 3,000 reports in ten minutes under one reporter id, and three accounts post a few
 * hundred more. Nothing is down: the right answer is no page.
 */
public final class ReportFloodScenario extends NamedScenario {
  public static final String NAME = "report-flood";
  static final Instant START = Instant.parse("2024-06-10T08:00:00Z");
  static final Instant FLOOD_START = START.plus(Duration.ofMinutes(60));
  static final Instant FLOOD_END = FLOOD_START.plus(Duration.ofMinutes(10));
  static final Instant END = START.plus(Duration.ofMinutes(90));

  private final long seed;

  public ReportFloodScenario(long seed) {
    super(NAME, START, END);
    this.seed = seed;
  }

  @Override
  public Stream<UserReport> reports() {
    return LongStream.range(0, Duration.between(START, END).toMinutes())
        .boxed()
        .flatMap(this::minute);
  }

  private Stream<UserReport> minute(long minute) {
    SplittableRandom random = new SplittableRandom(seed * 104_729 + minute);
    Instant start = START.plus(Duration.ofMinutes(minute));
    boolean flooding = !start.isBefore(FLOOD_START) && start.isBefore(FLOOD_END);
    Stream.Builder<UserReport> reports = Stream.builder();
    int ordinary = 12 + random.nextInt(7);
    for (int i = 0; i < ordinary; i++) {
      reports.add(report(random, "u-" + random.nextInt(5_000_000), start, "feed not refreshing"));
    }
    if (flooding) {
      for (int i = 0; i < 300; i++) {
        reports.add(report(random, "bot-4711", start, "INSTAGRAM IS DEAD!!!"));
      }
      for (int i = 0; i < 30; i++) {
        reports.add(report(random, "angry-" + random.nextInt(3), start, "still broken??"));
      }
    }
    return reports.build().sorted(java.util.Comparator.comparing(UserReport::getReportedAt));
  }

  private static UserReport report(
      SplittableRandom random, String reporter, Instant minute, String text) {
    return UserReport.newBuilder()
        .setReportId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setService("instagram")
        .setRegion("DE")
        .setReporterId(reporter)
        .setSource(ReportSource.WEB)
        .setCategory(ReportCategory.FEED)
        .setText(text)
        .setLang(null)
        .setReportedAt(minute.plusMillis(random.nextLong(60_000)))
        .setSentiment(-0.7)
        .build();
  }
}
