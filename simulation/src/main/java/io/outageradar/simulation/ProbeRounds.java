package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Synthetic probe rounds: every interval, each agent of each vantage checks each service by DNS and
 * HTTP, a few seconds after the round starts, with a status from a {@link FailureModel}. The same
 * seed gives the same probes.
 */
public record ProbeRounds(
    List<String> services,
    List<Vantage> vantages,
    Instant start,
    Instant end,
    Duration interval,
    long seed) {
  /**
   * Days the services' certificates have left when the rounds start: far more than any scenario
   * lasts and than probe.cert-warn-days, so nothing warns, and the dashboards show a countdown.
   */
  private static final long CERTIFICATE_DAYS = 85;

  /**
   * Rounds every 30 s of the demo's services from its 18 agents in six regions, the fleet the
   * scenarios share.
   */
  public static ProbeRounds standardFleet(Instant start, Instant end, long seed) {
    return new ProbeRounds(
        Facebook2021Scenario.SERVICES,
        Facebook2021Scenario.VANTAGES,
        start,
        end,
        Duration.ofSeconds(30),
        seed);
  }

  public Stream<ProbeResult> probes(FailureModel model) {
    long rounds = Duration.between(start, end).dividedBy(interval);
    return LongStream.range(0, rounds)
        .boxed()
        .flatMap(round -> round(start.plus(interval.multipliedBy(round)), round, model));
  }

  private Stream<ProbeResult> round(Instant roundStart, long round, FailureModel model) {
    SplittableRandom random = new SplittableRandom(seed * 31 + round);
    Stream.Builder<ProbeResult> probes = Stream.builder();
    for (Vantage vantage : vantages) {
      for (int a = 0; a < vantage.agents().size(); a++) {
        String agent = vantage.agents().get(a);
        // agents are spread over the first 12 s of the round, all inside its 30 s window
        Instant checkTime = roundStart.plusMillis(a * 4_000L + random.nextLong(3_000));
        for (String service : services) {
          for (CheckKind kind : List.of(CheckKind.DNS, CheckKind.HTTP)) {
            Instant at = kind == CheckKind.DNS ? checkTime : checkTime.plusMillis(500);
            probes.add(
                check(
                    service,
                    vantage.region(),
                    agent,
                    kind,
                    at,
                    model.statusOf(service, vantage.region(), agent, kind, at, random),
                    (int) (CERTIFICATE_DAYS - Duration.between(start, at).toDays()),
                    random));
          }
        }
      }
    }
    return probes.build();
  }

  private static ProbeResult check(
      String service,
      String region,
      String agent,
      CheckKind kind,
      Instant at,
      ProbeStatus status,
      int certificateDaysLeft,
      SplittableRandom random) {
    boolean ok = status == ProbeStatus.OK;
    String host = service.equals("whatsapp") ? "whatsapp.net" : service + ".com";
    return ProbeResult.newBuilder()
        .setProbeId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setService(service)
        .setRegion(region)
        .setAgent(agent)
        .setKind(kind)
        .setTarget(kind == CheckKind.DNS ? host : "https://" + host + "/")
        .setStatus(status)
        .setLatencyMs(ok ? (kind == CheckKind.DNS ? 8 : 120) + random.nextInt(40) : null)
        .setObservedAt(at)
        .setHttpStatus(ok && kind == CheckKind.HTTP ? 200 : null)
        .setCertDaysToExpiry(ok && kind != CheckKind.DNS ? certificateDaysLeft : null)
        .setDetail(ok ? null : status.name())
        .build();
  }
}
