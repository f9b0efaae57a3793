package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The 4 October 2021 Facebook, Instagram and WhatsApp outage as probes would have seen it (timeline
 * in shared/reference/outage-2021-10-04.md): healthy with background noise from 15:00 UTC, name
 * resolution failing with SERVFAIL for every service and region from about 15:40 (some HTTP checks
 * time out connecting to cached addresses instead), and a recovery staggered by service and region
 * between 21:05 and 22:45. One agent in India is flaky all day, which must never raise an outage.
 * Users report all along, on each region's daily rhythm (Portuguese in Brazil, some Spanish in the
 * US); from the moment a service fails in a region they report it twenty times as often, settling
 * to six times after the first hour, until it recovers.
 */
public final class Facebook2021Scenario extends NamedScenario {
  public static final String NAME = "fb-2021-10-04";
  public static final List<String> SERVICES = List.of("facebook", "instagram", "whatsapp");
  public static final List<Vantage> VANTAGES =
      List.of(
          Vantage.of("US", "nyc", 3),
          Vantage.of("BR", "sao", 3),
          Vantage.of("DE", "fra", 3),
          Vantage.of("NL", "ams", 3),
          Vantage.of("GB", "lon", 3),
          Vantage.of("IN", "bom", 3));

  static final Instant START = Instant.parse("2021-10-04T15:00:00Z");
  static final Instant END = Instant.parse("2021-10-04T23:00:00Z");

  /** DNS for the Facebook names starts failing here, give or take a minute per region. */
  static final Instant FAILURE_START = Instant.parse("2021-10-04T15:40:00Z");

  static final Instant RECOVERY_FROM = Instant.parse("2021-10-04T21:05:00Z");
  static final Instant RECOVERY_TO = Instant.parse("2021-10-04T22:45:00Z");
  static final String FLAKY_AGENT = "in-bom-3";

  /**
   * Report rates per service at the busiest hour, weighted by population and usage (UTC offsets of
   * October 2021).
   */
  static final List<ReportRegion> REPORT_REGIONS =
      List.of(
          new ReportRegion("US", -4, 8, "en", "es", 0.15),
          ReportRegion.of("BR", -3, 10, "pt"),
          ReportRegion.of("IN", 5, 8, "en"),
          ReportRegion.of("GB", 1, 4, "en"),
          ReportRegion.of("DE", 2, 3, "en"),
          ReportRegion.of("NL", 2, 2, "en"));

  private static final double SURGE_PEAK = 20;
  private static final double SURGE_SETTLED = 6;
  private static final double SURGE_DECAY_MINUTES = 40;

  private final long seed;
  private final Map<String, Instant> failureStart = new HashMap<>();
  private final Map<String, Instant> recovery = new HashMap<>();

  public Facebook2021Scenario(long seed) {
    super(NAME, START, END);
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    for (String service : SERVICES) {
      for (Vantage vantage : VANTAGES) {
        String key = service + "|" + vantage.region();
        failureStart.put(key, FAILURE_START.plusSeconds(random.nextLong(60)));
        long spread = Duration.between(RECOVERY_FROM, RECOVERY_TO).toSeconds();
        recovery.put(key, RECOVERY_FROM.plusSeconds(random.nextLong(spread)));
      }
    }
  }

  /** When the failures begin for a (service, region). */
  public Instant failureStart(String service, String region) {
    return failureStart.get(service + "|" + region);
  }

  /** When a (service, region) works again. */
  public Instant recovery(String service, String region) {
    return recovery.get(service + "|" + region);
  }

  @Override
  public Stream<ProbeResult> probes() {
    return ProbeRounds.standardFleet(START, END, seed).probes(this::statusOf);
  }

  @Override
  public Stream<UserReport> reports() {
    return new ReportTraffic(SERVICES, REPORT_REGIONS, START, END, seed, this::surge).reports();
  }

  /**
   * Meta's status page as a poller read it when the afternoon began: every service operational. It
   * never said more that day — it was served from the same network that had just withdrawn its own
   * routes, so it went down with everything else and the outage was never acknowledged there.
   */
  @Override
  public Stream<VendorStatus> vendorStatements() {
    return SERVICES.stream()
        .map(
            service ->
                VendorStatus.newBuilder()
                    .setStatusId("meta|" + service + "|" + START.toEpochMilli())
                    .setVendor("meta")
                    .setService(service)
                    .setRegion("*")
                    .setComponent(PLATFORM_COMPONENTS.get(service))
                    .setState(VendorState.OPERATIONAL)
                    .setUrl("https://metastatus.com/")
                    .setObservedAt(START)
                    .build());
  }

  private static final Map<String, String> PLATFORM_COMPONENTS =
      Map.of(
          "facebook", "Facebook",
          "instagram", "Instagram",
          "whatsapp", "WhatsApp");

  private double surge(String service, String region, Instant minute) {
    String key = service + "|" + region;
    if (minute.isBefore(failureStart.get(key)) || !minute.isBefore(recovery.get(key))) {
      return 1.0;
    }
    double minutesIn = Duration.between(failureStart.get(key), minute).toSeconds() / 60.0;
    return SURGE_SETTLED
        + (SURGE_PEAK - SURGE_SETTLED) * Math.exp(-minutesIn / SURGE_DECAY_MINUTES);
  }

  private ProbeStatus statusOf(
      String service,
      String region,
      String agent,
      CheckKind kind,
      Instant at,
      SplittableRandom random) {
    String key = service + "|" + region;
    boolean failing = !at.isBefore(failureStart.get(key)) && at.isBefore(recovery.get(key));
    if (failing) {
      // Cached addresses still let some HTTP checks try to connect, and time out (the "receive
      // errors").
      return kind == CheckKind.HTTP && random.nextInt(4) == 0
          ? ProbeStatus.CONNECT_TIMEOUT
          : ProbeStatus.DNS_SERVFAIL;
    }
    if (agent.equals(FLAKY_AGENT)) {
      return random.nextInt(3) == 0 ? ProbeStatus.TIMEOUT : ProbeStatus.OK;
    }
    return FailureModel.background(random);
  }
}
