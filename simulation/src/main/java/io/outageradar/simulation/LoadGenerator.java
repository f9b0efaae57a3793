package io.outageradar.simulation;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.model.ServiceRegion;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;

/**
 * Live synthetic load for benchmarks and soak tests: probe results from three agents per key and,
 * every tenth round, a user report, spread round-robin over {@code keys} (service, region) keys and
 * stamped with the clock's current time. Keys named in {@link InjectedOutage}s fail their DNS
 * checks (and their users complain) between the given times, so a run knows when each outage began.
 */
public final class LoadGenerator {
  /** Key {@code key} fails from {@code from} (inclusive) to {@code to} (exclusive). */
  public record InjectedOutage(int key, Instant from, Instant to) {
    boolean covers(Instant at) {
      return !at.isBefore(from) && at.isBefore(to);
    }
  }

  /** The regions keys are spread over; key i is in region i mod their count. */
  public static final List<String> REGIONS =
      List.of(
          "US", "BR", "IN", "DE", "GB", "NL", "FR", "ES", "IT", "MX", "AR", "CO", "ID", "JP", "KR",
          "NG", "ZA", "EG", "TR", "AU");

  private static final int AGENTS_PER_KEY = 3;
  private static final int REPORT_EVERY_ROUNDS = 10;

  private final int keys;
  private final Clock clock;
  private final SplittableRandom random;
  private final Map<Integer, InjectedOutage> outages = new HashMap<>();
  private long sequence;

  public LoadGenerator(int keys, long seed, Clock clock, List<InjectedOutage> injected) {
    if (keys < 1) {
      throw new IllegalArgumentException("keys must be at least 1, not " + keys);
    }
    this.keys = keys;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    for (InjectedOutage outage : injected) {
      if (outage.key() < 0 || outage.key() >= keys) {
        throw new IllegalArgumentException(
            "injected outage on key " + outage.key() + " outside 0.." + (keys - 1));
      }
      outages.put(outage.key(), outage);
    }
  }

  /**
   * The (service, region) of key {@code index}: twenty regions per service, "svc-00000" upwards.
   */
  public static ServiceRegion key(int index) {
    return new ServiceRegion(
        String.format("svc-%05d", index / REGIONS.size()), REGIONS.get(index % REGIONS.size()));
  }

  /** The load as an endless stream; bound it with {@code limit} or {@code takeWhile}. */
  public Stream<SpecificRecord> stream() {
    return Stream.generate(this::next);
  }

  /** The next event: keys in turn, and each key's agents in turn. */
  public SpecificRecord next() {
    long n = sequence++;
    int keyIndex = (int) (n % keys);
    long round = n / keys;
    ServiceRegion key = key(keyIndex);
    Instant now = clock.instant();
    InjectedOutage outage = outages.get(keyIndex);
    boolean failing = outage != null && outage.covers(now);
    if (round % REPORT_EVERY_ROUNDS == REPORT_EVERY_ROUNDS - 1) {
      return report(key, round, now, failing);
    }
    return probe(key, (int) (round % AGENTS_PER_KEY), now, failing);
  }

  private ProbeResult probe(ServiceRegion key, int agent, Instant now, boolean failing) {
    return ProbeResult.newBuilder()
        .setProbeId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setService(key.service())
        .setRegion(key.region())
        .setAgent(key.region().toLowerCase(java.util.Locale.ROOT) + "-load-" + agent)
        .setKind(CheckKind.DNS)
        .setTarget(key.service() + ".example")
        .setStatus(failing ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK)
        .setLatencyMs(failing ? null : 5 + random.nextInt(40))
        .setObservedAt(now)
        .setHttpStatus(null)
        .setCertDaysToExpiry(null)
        .setDetail(failing ? "SERVFAIL" : null)
        .build();
  }

  private UserReport report(ServiceRegion key, long round, Instant now, boolean failing) {
    return UserReport.newBuilder()
        .setReportId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setService(key.service())
        .setRegion(key.region())
        .setReporterId("load-" + round)
        .setSource(ReportSource.APP)
        .setCategory(failing ? ReportCategory.CONNECTIVITY : ReportCategory.OTHER)
        .setText(failing ? "app is down, can't send anything!!" : "slow to load today")
        .setLang("en")
        .setReportedAt(now)
        .setSentiment(null)
        .build();
  }
}
