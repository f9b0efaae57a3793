package io.outageradar.tools.bench;

import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.TempDirs;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.registry.SchemaRegistryClient;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.LoadGenerator;
import io.outageradar.simulation.LoadGenerator.InjectedOutage;
import io.outageradar.simulation.Pacing;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run, everything on this machine in one process: an embedded broker; the broker's
 * raw produce/consume ceiling for records of the pipeline's own size; the full pipeline (every
 * topology, Avro over the mock registry, sentiment on) fed as fast as the load generator can over
 * {@code keys} (service, region) keys, its throughput being what it consumed divided by the time it
 * took to catch up; then a paced phase at half that rate in which whole services fail at known
 * times, timing each alert from the close of the window that decided it (the window wait itself,
 * which no tuning removes, is reported apart); last, the same full-speed load through a bare
 * windowed count ({@link WindowedCountPeer}), the application a user would write instead.
 */
public final class Bench {
  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

  /**
   * Long enough for an injected outage to be confirmed (two 30 s windows) after a first-seen hold.
   */
  static final Duration LATENCY_PHASE = Duration.ofSeconds(200);

  private static final Duration INJECT_FROM = Duration.ofSeconds(40);

  /**
   * Up to 200 services fail, a quarter second apart, so that a p99 is a p99 and not the largest of
   * ten (as it was until this bench had an outage workload too).
   */
  private static final Duration INJECT_EVERY = Duration.ofMillis(250);

  private static final int MAX_INJECTED = 200;
  private static final String APPLICATION_ID = "bench";

  public record Options(Duration duration, int keys, boolean exactlyOnce) {}

  private Bench() {}

  public static BenchResult run(Options options) throws InterruptedException {
    String scope = "bench-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-bench-state-");
    DetectionConfig detection = DetectionConfig.defaults();
    try (ProcessMemory memory = new ProcessMemory();
        EmbeddedKafka kafka = EmbeddedKafka.start()) {
      SchemaRegistryClient registry = RegistryOptions.of("mock://" + scope).connect();
      Topics topics = Topics.create(registry);
      Clock clock = Clock.systemUTC();
      RecordSamples samples =
          RecordSamples.of(topics, new LoadGenerator(options.keys(), 7, clock, List.of()).stream());
      int eventBytes = samples.averageValueBytes();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("bench-raw", 6, (short) 1))).all().get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("cannot create the raw topic", e);
      }
      Duration rawDuration =
          options.duration().dividedBy(4).compareTo(Duration.ofSeconds(10)) < 0
              ? Duration.ofSeconds(10)
              : options.duration().dividedBy(4);
      LOG.info(
          "bench: raw ceiling for {} s with {}-byte records", rawDuration.toSeconds(), eventBytes);
      RawThroughput.Result raw =
          RawThroughput.measure(
              kafka.bootstrapServers(), "bench-raw", samples.values(), samples.keys(), rawDuration);

      Pipeline.Settings settings =
          Pipeline.Settings.builder(kafka.bootstrapServers(), APPLICATION_ID, topics, stateDir)
              .detection(detection)
              .exactlyOnce(options.exactlyOnce())
              .build();
      try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(2));
          AlertWatcher alerts = new AlertWatcher(kafka.bootstrapServers(), topics)) {
        LOG.info(
            "bench: pipeline at full speed for {} s over {} keys",
            options.duration().toSeconds(),
            options.keys());
        // the one application's group reads every stage (inputs, outages, the impact repartition):
        // the clock stops when the whole pipeline has caught up
        FullSpeed fullSpeed =
            fullSpeed(topics, kafka.bootstrapServers(), options, clock, APPLICATION_ID);
        double pipelinePerSec = fullSpeed.caughtUpPerSec();
        long produced = fullSpeed.produced();

        double rate = Math.min(50_000, pipelinePerSec / 2);
        Instant phaseStart = clock.instant();
        int services = Math.min(MAX_INJECTED, options.keys() / LoadGenerator.REGIONS.size());
        List<InjectedOutage> outages = new ArrayList<>();
        Map<String, Instant> injectedAt = new ConcurrentHashMap<>();
        for (int s = 0; s < services; s++) {
          Instant from = phaseStart.plus(INJECT_FROM).plus(INJECT_EVERY.multipliedBy(s));
          injectedAt.put(LoadGenerator.key(s * LoadGenerator.REGIONS.size()).service(), from);
          for (int r = 0; r < LoadGenerator.REGIONS.size(); r++) {
            outages.add(
                new InjectedOutage(
                    s * LoadGenerator.REGIONS.size() + r,
                    from,
                    phaseStart.plus(Duration.ofHours(1))));
          }
        }
        LOG.info(
            "bench: latency phase at {} events/s, {} services failing from {} s in",
            Math.round(rate),
            services,
            INJECT_FROM.toSeconds());
        Instant phaseEnd = phaseStart.plus(LATENCY_PHASE);
        produced +=
            publish(
                topics,
                kafka.bootstrapServers(),
                new LoadGenerator(options.keys(), 13, clock, outages)
                    .stream().takeWhile(e -> ScenarioEvents.timeOf(e).isBefore(phaseEnd)),
                Pacing.rate(rate));
        alerts.awaitTriggers(injectedAt.keySet(), Duration.ofSeconds(60));

        List<Long> latencies = new ArrayList<>();
        List<Long> windowWaits = new ArrayList<>();
        long graceMs = detection.grace().toMillis();
        injectedAt.forEach(
            (service, from) ->
                alerts
                    .trigger(service)
                    .ifPresent(
                        trigger -> {
                          long decidedMs = trigger.page().getAt().toEpochMilli() + graceMs;
                          latencies.add(
                              Math.max(0, trigger.arrivedAt().toEpochMilli() - decidedMs));
                          windowWaits.add(decidedMs - from.toEpochMilli());
                        }));
        BenchResult.Latency latency =
            new BenchResult.Latency(
                percentile(latencies, 50),
                percentile(latencies, 99),
                percentile(windowWaits, 50),
                latencies.size(),
                rate);
        BenchResult.Memory memoryUsed =
            new BenchResult.Memory(
                memory.heapPeakBytes(),
                ProcessMemory.rssPeakBytes(),
                ProcessMemory.directorySize(stateDir));
        pipeline
            .close(); // before the peer runs, so the two never share the CPU; closing again is a
        // no-op
        LOG.info(
            "bench: a bare windowed count on the same load for {} s",
            options.duration().toSeconds());
        double peerPerSec =
            PeerThroughput.measure(
                kafka.bootstrapServers(), registry, options, clock, stateDir.resolve("peer"));
        return new BenchResult(
            new BenchResult.Throughput(
                raw.producePerSec(),
                raw.consumePerSec(),
                fullSpeed.loadPerSec(),
                pipelinePerSec,
                fullSpeed.catchUpMs(),
                peerPerSec),
            latency,
            memoryUsed,
            new BenchResult.Run(
                "steady", options.keys(), options.exactlyOnce(), eventBytes, produced, machine()));
      }
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }

  /**
   * A full-speed load: how much was produced, how long producing took, and how long until the
   * reader had it all.
   */
  record FullSpeed(long produced, long loadNanos, long caughtUpNanos) {
    double loadPerSec() {
      return produced / (loadNanos / 1e9);
    }

    double caughtUpPerSec() {
      return produced / (caughtUpNanos / 1e9);
    }

    long catchUpMs() {
      return (caughtUpNanos - loadNanos) / 1_000_000;
    }
  }

  /**
   * Feeds {@code topics} from the load generator (the same seed every time, so every reader gets
   * the same load) as fast as it can for the run's duration, then waits until {@code group} has
   * read it all.
   */
  static FullSpeed fullSpeed(
      Topics topics, String bootstrapServers, Options options, Clock clock, String group)
      throws InterruptedException {
    long start = System.nanoTime();
    Instant until = clock.instant().plus(options.duration());
    long produced =
        publish(
            topics,
            bootstrapServers,
            new LoadGenerator(options.keys(), 11, clock, List.of())
                .stream().takeWhile(e -> ScenarioEvents.timeOf(e).isBefore(until)),
            Pacing.unpaced());
    long loadNanos = System.nanoTime() - start;
    awaitCaughtUp(bootstrapServers, group, Duration.ofMinutes(10));
    return new FullSpeed(produced, loadNanos, System.nanoTime() - start);
  }

  static long publish(
      Topics topics, String bootstrapServers, Stream<SpecificRecord> events, Pacing pacing) {
    return ScenarioPublisher.publish(
        "bench",
        events,
        topics,
        InputProducers.properties(bootstrapServers),
        pacing,
        ScenarioPublisher.Progress.NONE);
  }

  /** Waits until the group has committed the end of every partition it reads. */
  static void awaitCaughtUp(String bootstrapServers, String group, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest =
            committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = committed.isEmpty() ? 1 : 0;
        for (var entry : committed.entrySet()) {
          lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
        }
        if (lag == 0) {
          return;
        }
        Thread.sleep(200); // polling the broker's offsets, not waiting for readiness
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("cannot read consumer lag", e);
    }
    throw new IllegalStateException(
        "the pipeline did not catch up within " + timeout.toSeconds() + " s");
  }

  static long percentile(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  public static String machine() {
    long memoryKb = -1;
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      memoryKb = -1;
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + (memoryKb < 0 ? "unknown memory" : Math.round(memoryKb / 1048576.0) + " GiB")
        + ", Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + "), max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB";
  }

  /** Records when each service's first TRIGGER page arrives. */
  static final class AlertWatcher extends ArrivalWatcher {
    record Arrival(Page page, Instant arrivedAt) {}

    private final Map<String, Arrival> triggers = new ConcurrentHashMap<>();
    private final Topics topics;

    AlertWatcher(String bootstrapServers, Topics topics) {
      super(bootstrapServers, List.of(topics.alerts.name()), "bench-alert-watcher");
      this.topics = topics;
      start();
    }

    @Override
    void arrived(ConsumerRecord<byte[], byte[]> record, Instant at) {
      Page page =
          topics.alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (page.getAction() == PageAction.TRIGGER) {
        triggers.putIfAbsent(page.getService(), new Arrival(page, at));
      }
    }

    java.util.Optional<Arrival> trigger(String service) {
      return java.util.Optional.ofNullable(triggers.get(service));
    }

    void awaitTriggers(Collection<String> services, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && !triggers.keySet().containsAll(services)) {
        Thread.sleep(200); // waiting for alerts the run produces, not for readiness
      }
    }
  }
}
