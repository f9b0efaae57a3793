package io.outageradar.tools.bench;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.TempDirs;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.Facebook2021Scenario;
import io.outageradar.simulation.Pacing;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench --workload outage}: the workload the product exists for, measured on this machine in
 * one process. The 4 Oct 2021 replay (≈ 70 % user reports with real texts in three languages, three
 * hot services, probes from many agents) is written {@code scale} times, each copy whole days after
 * the one before, into the input topics before anything reads them; then a bare windowed count
 * ({@link WindowedCountPeer}) and the whole pipeline each read all of it from the start, one after
 * the other and alone on the machine, the clock running from RUNNING to caught up. Both count the
 * same unit: probe results and user reports.
 *
 * <p>Alert latency needs outages while the pipeline keeps up: 15:36 to 15:44 of the replay (the
 * failure starts at 15:40, and reports surge fivefold) is published {@code latencyCopies} times
 * under renamed services (facebook-l0, ...), later in event time, each copy {@link #STAGGER} after
 * the one before (see {@link StaggeredCopies}), paced so that the busiest minute comes at half the
 * rate the pipeline read the replay at (as the steady bench paces at half its throughput), at most
 * {@code maxSpeed} times real time; each renamed service's first TRIGGER is timed from the moment
 * its deciding window closed (its end plus the grace, in the publisher's wall time).
 */
public final class OutageWorkload {
  private static final Logger LOG = LoggerFactory.getLogger(OutageWorkload.class);
  private static final String APPLICATION_ID = "bench-outage";
  private static final String SLICE_FROM = "T15:36:00Z";
  private static final Duration SLICE = Duration.ofMinutes(8);

  /**
   * Each latency copy fails this much later than the one before: a probe window, so that each
   * copy's outage is decided by a window of its own.
   */
  private static final Duration STAGGER = Duration.ofSeconds(30);

  /** How the run is shaped; the defaults give ≈ 3.3 M events and ≈ 200 latency samples. */
  public record Options(int scale, int latencyCopies, double maxSpeed, boolean exactlyOnce) {}

  private OutageWorkload() {}

  public static BenchResult run(Options options) throws InterruptedException {
    String scope = "bench-outage-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-bench-outage-");
    DetectionConfig detection = DetectionConfig.defaults();
    LOG.info("bench: generating the 2021 replay");
    List<SpecificRecord> day =
        ScenarioEvents.of(new Facebook2021Scenario(42))
            .filter(e -> e instanceof ProbeResult || e instanceof UserReport)
            .toList();
    try (ProcessMemory memory = new ProcessMemory();
        EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
      createTopics(kafka.bootstrapServers(), topics);
      RecordSamples samples = RecordSamples.of(topics, day.stream());
      RawThroughput.Result raw =
          RawThroughput.measure(
              kafka.bootstrapServers(),
              "bench-raw",
              samples.values(),
              samples.keys(),
              Duration.ofSeconds(15));

      LOG.info("bench: writing {} copies of {} events", options.scale(), day.size());
      long events =
          Bench.publish(
              topics,
              kafka.bootstrapServers(),
              IntStream.range(0, options.scale())
                  .boxed()
                  .flatMap(
                      copy ->
                          day.stream().map(e -> ScenarioEvents.shifted(e, Duration.ofDays(copy)))),
              Pacing.unpaced());

      LOG.info("bench: a bare windowed count reads them");
      double peerPerSec;
      try (PeerApplication peer =
          PeerApplication.start(
              kafka.bootstrapServers(), topics, options.exactlyOnce(), stateDir.resolve("peer"))) {
        long started = System.nanoTime();
        Bench.awaitCaughtUp(kafka.bootstrapServers(), peer.applicationId(), Duration.ofMinutes(30));
        peerPerSec = events / ((System.nanoTime() - started) / 1e9);
      }

      LOG.info("bench: the pipeline reads them");
      Pipeline.Settings settings =
          Pipeline.Settings.builder(kafka.bootstrapServers(), APPLICATION_ID, topics, stateDir)
              .detection(detection)
              .exactlyOnce(options.exactlyOnce())
              .build();
      try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(2));
          Bench.AlertWatcher alerts = new Bench.AlertWatcher(kafka.bootstrapServers(), topics)) {
        long started = System.nanoTime();
        Bench.awaitCaughtUp(kafka.bootstrapServers(), APPLICATION_ID, Duration.ofMinutes(30));
        long caughtUpNanos = System.nanoTime() - started;
        double pipelinePerSec = events / (caughtUpNanos / 1e9);

        BenchResult.Latency latency =
            latency(
                topics,
                kafka.bootstrapServers(),
                day,
                options,
                pipelinePerSec / 2,
                alerts,
                detection);
        return new BenchResult(
            new BenchResult.Throughput(
                raw.producePerSec(),
                raw.consumePerSec(),
                0,
                pipelinePerSec,
                caughtUpNanos / 1_000_000,
                peerPerSec),
            latency,
            new BenchResult.Memory(
                memory.heapPeakBytes(),
                ProcessMemory.rssPeakBytes(),
                ProcessMemory.directorySize(stateDir)),
            new BenchResult.Run(
                "outage",
                keys(day),
                options.exactlyOnce(),
                samples.averageValueBytes(),
                events,
                Bench.machine()));
      }
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }

  /**
   * The latency phase: renamed copies of 15:36–15:44, after every copy of the throughput phase in
   * event time, each {@link #STAGGER} after the one before, paced; each copy's services fail at
   * 15:40 of its own time, as in 2021.
   */
  private static BenchResult.Latency latency(
      Topics topics,
      String bootstrapServers,
      List<SpecificRecord> day,
      Options options,
      double busiestPerSec,
      Bench.AlertWatcher alerts,
      DetectionConfig detection)
      throws InterruptedException {
    Instant from =
        Instant.parse(ScenarioEvents.timeOf(day.get(0)).toString().substring(0, 10) + SLICE_FROM);
    Duration later = Duration.ofDays(options.scale());
    List<SpecificRecord> slice =
        day.stream()
            .filter(
                e -> {
                  Instant at = ScenarioEvents.timeOf(e);
                  return !at.isBefore(from) && at.isBefore(from.plus(SLICE));
                })
            .toList();
    Set<String> services = new HashSet<>();
    Map<Long, Long> perMinute =
        StaggeredCopies.of(slice, options.latencyCopies(), later, STAGGER)
            .peek(e -> services.add(serviceOf(e)))
            .collect(
                Collectors.groupingBy(
                    e -> ScenarioEvents.timeOf(e).getEpochSecond() / 60, Collectors.counting()));
    long busiestMinute = perMinute.values().stream().mapToLong(Long::longValue).max().orElse(1);
    double speed = Math.min(options.maxSpeed(), busiestPerSec / (busiestMinute / 60.0));
    Instant eventOrigin = ScenarioEvents.timeOf(slice.get(0)).plus(later);
    long wallOrigin = System.currentTimeMillis();
    LOG.info(
        "bench: latency phase, {} copies of {} events at {}x real time",
        options.latencyCopies(),
        slice.size(),
        Math.round(speed * 100) / 100.0);
    Bench.publish(
        topics,
        bootstrapServers,
        StaggeredCopies.of(slice, options.latencyCopies(), later, STAGGER),
        Pacing.speed(speed));
    alerts.awaitTriggers(services, Duration.ofSeconds(60));
    long graceMs = detection.grace().toMillis();
    List<Long> latencies = new ArrayList<>();
    List<Long> windowWaits = new ArrayList<>();
    Instant failsAt = Instant.parse(from.toString().substring(0, 10) + "T15:40:00Z").plus(later);
    for (String service : services) {
      alerts
          .trigger(service)
          .ifPresent(
              trigger -> {
                long decidedEventMs = trigger.page().getAt().toEpochMilli() + graceMs;
                long decidedWallMs =
                    wallOrigin + (long) ((decidedEventMs - eventOrigin.toEpochMilli()) / speed);
                latencies.add(Math.max(0, trigger.arrivedAt().toEpochMilli() - decidedWallMs));
                Instant copyFailsAt =
                    failsAt.plus(StaggeredCopies.offset(StaggeredCopies.copyOf(service), STAGGER));
                windowWaits.add(decidedEventMs - copyFailsAt.toEpochMilli());
              });
    }
    double phaseSeconds =
        SLICE.plus(StaggeredCopies.offset(options.latencyCopies() - 1, STAGGER)).toSeconds()
            / speed;
    return new BenchResult.Latency(
        Bench.percentile(latencies, 50),
        Bench.percentile(latencies, 99),
        Bench.percentile(windowWaits, 50),
        latencies.size(),
        slice.size() * (double) options.latencyCopies() / phaseSeconds);
  }

  private static String serviceOf(SpecificRecord event) {
    return event instanceof ProbeResult probe
        ? probe.getService()
        : ((UserReport) event).getService();
  }

  private static int keys(List<SpecificRecord> day) {
    return (int) day.stream().map(ScenarioEvents::keyOf).distinct().count();
  }

  private static void createTopics(String bootstrapServers, Topics topics)
      throws InterruptedException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      TopicCreator.ensure(admin, topics.all(), (short) 1);
      admin
          .createTopics(
              Stream.concat(
                      Stream.of(new NewTopic("bench-raw", 6, (short) 1)),
                      WindowedCountPeer.countsTopics(topics).stream())
                  .toList())
          .all()
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the bench's topics", e);
    }
  }
}
