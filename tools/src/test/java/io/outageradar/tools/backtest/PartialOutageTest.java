package io.outageradar.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.simulation.Facebook2021Scenario;
import io.outageradar.simulation.FailureModel;
import io.outageradar.simulation.ProbeRounds;
import io.outageradar.tools.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A partial failure is one incident: whatsapp in BR fails a share of its checks for three hours,
 * with or without a surge of user reports, through the real topologies. Exactly one outage, at most
 * one TRIGGER, and its end dated within three windows of the real end.
 */
class PartialOutageTest {
  private static final Instant START = Instant.parse("2024-03-04T06:00:00Z");
  private static final Instant FAILS_FROM = START.plus(Duration.ofMinutes(60));
  private static final Instant FAILS_UNTIL = FAILS_FROM.plus(Duration.ofHours(3));
  private static final Instant END = FAILS_UNTIL.plus(Duration.ofMinutes(40));
  private static final Duration WINDOW = DetectionConfig.defaults().window();

  @ParameterizedTest(name = "{0} of {1} checks failing, report surge: {2}")
  @CsvSource({
    "0.3, ALL, false",
    "0.5, ALL, false",
    "0.7, ALL, false",
    "0.9, ALL, false",
    "0.3, ALL, true",
    "0.5, ALL, true",
    "0.7, ALL, true",
    "0.9, ALL, true",
    "0.3, HTTP, false",
    "0.5, HTTP, false",
    "0.7, HTTP, true",
    "0.9, HTTP, false",
  })
  void aPartialFailureIsOneOutageWithAtMostOneTrigger(
      double share, String checks, boolean reportSurge) {
    long seed = Math.round(share * 100) + (reportSurge ? 7 : 0) + checks.length();
    Stream<ProbeResult> probes =
        new ProbeRounds(
                List.of("whatsapp"),
                Facebook2021Scenario.VANTAGES,
                START,
                END,
                Duration.ofSeconds(30),
                seed)
            .probes(partialFailure(share, checks.equals("HTTP")));
    Stream<? extends SpecificRecord> events = reportSurge ? merged(probes, reports(seed)) : probes;

    Outcome result =
        Backtest.run(
            "partial-" + share,
            events,
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults());

    assertThat(result.judged().probeWindows())
        .as("every window of the four hours and forty minutes was judged")
        .isGreaterThanOrEqualTo(6 * Duration.between(START, END).dividedBy(WINDOW) - 6);
    assertThat(result.outages()).as("one incident, one outage").hasSize(1);
    OutageEvent outage = result.outages().get(0);
    assertThat(outage.getRegions()).containsExactly("BR");
    assertThat(outage.getState()).isEqualTo(OutageState.RESOLVED);
    assertThat(Duration.between(FAILS_UNTIL, outage.getResolvedAt()).abs())
        .as("dated within three windows of the real end")
        .isLessThanOrEqualTo(WINDOW.multipliedBy(3));
    assertThat(outage.getOnset())
        .as("dated within the degraded rule's look-back of the real start")
        .isBetween(
            FAILS_FROM.minus(WINDOW),
            FAILS_FROM.plus(WINDOW.multipliedBy(DetectionConfig.defaults().degradedWindows())));
    List<PageAction> actions = result.pages().stream().map(Page::getAction).toList();
    assertThat(actions.stream().filter(a -> a == PageAction.TRIGGER).count())
        .as("at most one TRIGGER: " + actions)
        .isLessThanOrEqualTo(1);
    if (reportSurge) {
      assertThat(actions)
          .as("reports confirm what the probes half see")
          .containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
    }
  }

  /** Whatsapp in BR fails {@code share} of its checks (HTTP ones only, or all) in the failure. */
  private static FailureModel partialFailure(double share, boolean httpOnly) {
    return (service, region, agent, kind, at, random) -> {
      boolean failing = region.equals("BR") && !at.isBefore(FAILS_FROM) && at.isBefore(FAILS_UNTIL);
      if (failing && (!httpOnly || kind == CheckKind.HTTP) && random.nextDouble() < share) {
        return kind == CheckKind.HTTP ? ProbeStatus.HTTP_5XX : ProbeStatus.TIMEOUT;
      }
      return FailureModel.background(random);
    };
  }

  /**
   * 20 distinct reporters a minute about whatsapp in BR, 250 a minute while it fails: the surge
   * lasts as long as the failure.
   */
  private static Stream<UserReport> reports(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Stream.Builder<UserReport> reports = Stream.builder();
    long minutes = Duration.between(START, END).toMinutes();
    for (long minute = 0; minute < minutes; minute++) {
      Instant from = START.plus(Duration.ofMinutes(minute));
      boolean surge = !from.isBefore(FAILS_FROM) && from.isBefore(FAILS_UNTIL);
      int count = surge ? 250 : 16 + random.nextInt(9);
      for (int i = 0; i < count; i++) {
        reports.add(
            UserReport.newBuilder()
                .setReportId(new UUID(random.nextLong(), random.nextLong()).toString())
                .setService("whatsapp")
                .setRegion("BR")
                .setReporterId("u-" + minute + "-" + i)
                .setSource(ReportSource.APP)
                .setCategory(ReportCategory.MESSAGING)
                .setText("não carrega")
                .setLang("pt")
                .setReportedAt(from.plusMillis(i * 59_000L / count))
                .setSentiment(-0.5)
                .build());
      }
    }
    return reports.build();
  }

  private static Stream<SpecificRecord> merged(
      Stream<ProbeResult> probes, Stream<UserReport> reports) {
    return Stream.concat(probes, reports)
        .map(SpecificRecord.class::cast)
        .sorted(Comparator.comparing(PartialOutageTest::eventTime));
  }

  private static Instant eventTime(SpecificRecord event) {
    return event instanceof ProbeResult probe
        ? probe.getObservedAt()
        : ((UserReport) event).getReportedAt();
  }
}
