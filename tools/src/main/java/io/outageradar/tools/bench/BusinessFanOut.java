package io.outageradar.tools.bench;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.TempDirs;
import io.outageradar.model.ServiceRegion;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.LoadGenerator;
import io.outageradar.simulation.LoadGenerator.InjectedOutage;
import io.outageradar.simulation.Pacing;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out to many businesses, on this machine in one process: {@code businesses} profiles on
 * the embedded broker, a fifth of them on the one (service, region) that fails first, the rest
 * spread over the others; the pipeline with its profile store loaded; a paced live load in which
 * that key fails at a known time, and then the same service in fifteen more regions, so that the
 * outage grows into a global one. Measured: from the first outage's confirmation (its first change
 * with a page) to the last TRIGGER notice of the businesses in that first region, and whether any
 * business is told twice while the outage grows.
 */
public final class BusinessFanOut {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessFanOut.class);

  /** (service, region) keys of the live load: ten services in twenty regions. */
  private static final int KEYS = 200;

  /** The key that fails: svc-00000 in BR. */
  private static final int FAILING = 1;

  private static final double LOAD_PER_SEC = 1_000;
  private static final Duration FAIL_AFTER = Duration.ofSeconds(30);

  /**
   * Once BR's outage is confirmed, the service fails in fifteen more regions too (keys 2..16): the
   * outage grows into a global one, which the businesses already told must not hear of again.
   */
  private static final Duration GROWS_AFTER = Duration.ofSeconds(100);

  private static final int GROWS_TO_KEYS = 15;

  /** From the first failure, how long the outage is watched for re-notices while it grows. */
  private static final Duration WATCH = Duration.ofMinutes(5);

  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

  /** Profiles made and published at a time: never a million on this process's heap. */
  private static final int PUBLISH_AT_ONCE = 20_000;

  /** What one run measured. */
  public record Result(
      int businesses,
      int firstRegionBusinesses,
      long profilesLoadedMs,
      long confirmationToFirstNoticeMs,
      long confirmationToLastNoticeMs,
      int told,
      int toldTwice,
      int outageChangesAfterConfirmation,
      long heapPeakBytes,
      String machine) {}

  private BusinessFanOut() {}

  public static Result run(int businesses) throws InterruptedException {
    String scope = "bench-businesses-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-bench-businesses-");
    try (ProcessMemory memory = new ProcessMemory();
        EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicCreator.ensure(admin, topics.all(), (short) 1);
      }
      // every fifth business sells on the failing key
      int hurt = (businesses + 4) / 5;
      long loadStart = System.nanoTime();
      LOG.info("bench: publishing {} business profiles ({} on the failing key)", businesses, hurt);
      for (int from = 0; from < businesses; from += PUBLISH_AT_ONCE) {
        BusinessPublisher.publish(
            KafkaClients.plain(kafka.bootstrapServers()),
            topics.businesses,
            profiles(from, Math.min(businesses, from + PUBLISH_AT_ONCE)));
      }
      Pipeline.Settings settings =
          Pipeline.Settings.builder(kafka.bootstrapServers(), "bench-businesses", topics, stateDir)
              .build();
      try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(10));
          FanOutWatcher watcher =
              new FanOutWatcher(kafka.bootstrapServers(), topics, LoadGenerator.key(FAILING))) {
        long profilesLoadedMs = (System.nanoTime() - loadStart) / 1_000_000;
        LOG.info("bench: pipeline running with the profiles after {} ms", profilesLoadedMs);
        Clock clock = Clock.systemUTC();
        Instant failFrom = clock.instant().plus(FAIL_AFTER);
        List<InjectedOutage> outage = new ArrayList<>();
        outage.add(new InjectedOutage(FAILING, failFrom, failFrom.plus(Duration.ofHours(1))));
        for (int key = FAILING + 1; key <= FAILING + GROWS_TO_KEYS; key++) {
          Instant grows = failFrom.plus(GROWS_AFTER);
          outage.add(new InjectedOutage(key, grows, grows.plus(Duration.ofHours(1))));
        }
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Long> load =
            CompletableFuture.supplyAsync(
                () ->
                    ScenarioPublisher.publish(
                        "bench",
                        new LoadGenerator(KEYS, 17, clock, outage)
                            .stream().takeWhile(event -> !done.get()),
                        topics,
                        InputProducers.properties(kafka.bootstrapServers()),
                        Pacing.rate(LOAD_PER_SEC),
                        ScenarioPublisher.Progress.NONE));
        try {
          watcher.await(hurt, GIVE_UP_AFTER);
          Duration left = Duration.between(clock.instant(), failFrom.plus(WATCH));
          if (!left.isNegative()) {
            Thread.sleep(left.toMillis()); // the outage grows: nobody told may be told again
          }
        } finally {
          done.set(true);
          load.join();
        }
        return new Result(
            businesses,
            hurt,
            profilesLoadedMs,
            watcher.confirmationToFirstNoticeMs(),
            watcher.confirmationToLastNoticeMs(),
            watcher.told(),
            watcher.toldTwice(),
            watcher.changesAfterConfirmation(),
            memory.heapPeakBytes(),
            Bench.machine());
      }
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }

  /**
   * Every fifth business sells on the failing key; the others on one of the other keys in turn.
   * Each has one channel, one email contact and revenue in its own right, as registered businesses
   * do.
   */
  static List<Business> profiles(int from, int to) {
    List<Business> profiles = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      int key = i % 5 == 0 ? FAILING : 2 + (i % (KEYS - 2));
      ServiceRegion where = LoadGenerator.key(key);
      String id = String.format("shop-%07d", i);
      profiles.add(
          Business.newBuilder()
              .setId(id)
              .setName("Shop " + i)
              .setCurrency("BRL")
              .setTimeZone("America/Sao_Paulo")
              .setLanguages(List.of("pt-BR"))
              .setContacts(
                  List.of(
                      new BusinessContact(
                          "mail", ContactKind.EMAIL, id + "@example.com", null, null)))
              .setChannels(
                  List.of(
                      BusinessChannel.newBuilder()
                          .setId("sales")
                          .setRole(ChannelRole.SALES)
                          .setService(where.service())
                          .setRegions(List.of(where.region()))
                          .setRevenuePerHour(new Money(1_000L + i % 9_000, "BRL"))
                          .setFallbackText(Map.of())
                          .build()))
              .build());
    }
    return profiles;
  }

  /** Arrival times on the outages and business-notices topics, read as they come. */
  static final class FanOutWatcher extends ArrivalWatcher {
    private final String service;
    private final String firstRegion;
    private final Topics topics;
    private final Set<String> told = new HashSet<>();
    private final Set<String> toldInFirstRegion = new HashSet<>();
    private volatile Instant confirmed;
    private volatile Instant firstNotice;
    private volatile Instant lastNotice;
    private volatile int toldTwice;
    private volatile int changesAfterConfirmation;

    FanOutWatcher(String bootstrapServers, Topics topics, ServiceRegion first) {
      super(
          bootstrapServers,
          List.of(topics.outages.name(), topics.businessNotices.name()),
          "bench-fan-out-watcher");
      this.service = first.service();
      this.firstRegion = first.region();
      this.topics = topics;
      start();
    }

    @Override
    void arrived(ConsumerRecord<byte[], byte[]> record, Instant at) {
      arrived(
          record.topic().equals(topics.outages.name())
              ? topics
                  .outages
                  .valueSerde()
                  .deserializer()
                  .deserialize(record.topic(), record.value())
              : topics
                  .businessNotices
                  .valueSerde()
                  .deserializer()
                  .deserialize(record.topic(), record.value()),
          at);
    }

    private synchronized void arrived(Object value, Instant at) {
      if (value instanceof OutageEvent outage && outage.getService().equals(service)) {
        if (confirmed == null && outage.getNotifiedAt() != null) {
          confirmed = at;
        } else if (confirmed != null) {
          changesAfterConfirmation++;
        }
      } else if (value instanceof BusinessNotice notice
          && notice.getAction() == NoticeAction.TRIGGER
          && notice.getService().equals(service)) {
        if (!told.add(notice.getBusinessId())) {
          toldTwice++;
        }
        if (notice.getRegions().equals(List.of(firstRegion))) {
          toldInFirstRegion.add(notice.getBusinessId());
          firstNotice = firstNotice == null ? at : firstNotice;
          lastNotice = at;
        }
      }
    }

    /** Waits until the {@code hurt} businesses of the first region are told. */
    void await(int hurt, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && toldInFirstRegion() < hurt) {
        Thread.sleep(500); // waiting for the notices the run produces, not for readiness
      }
    }

    synchronized int told() {
      return told.size();
    }

    synchronized int toldInFirstRegion() {
      return toldInFirstRegion.size();
    }

    int toldTwice() {
      return toldTwice;
    }

    int changesAfterConfirmation() {
      return changesAfterConfirmation;
    }

    long confirmationToFirstNoticeMs() {
      return confirmed == null || firstNotice == null
          ? -1
          : Duration.between(confirmed, firstNotice).toMillis();
    }

    long confirmationToLastNoticeMs() {
      return confirmed == null || lastNotice == null
          ? -1
          : Duration.between(confirmed, lastNotice).toMillis();
    }
  }
}
