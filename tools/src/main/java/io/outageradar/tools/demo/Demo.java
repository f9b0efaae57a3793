package io.outageradar.tools.demo;

import io.outageradar.avro.Business;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.embedded.TempDirs;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.Facebook2021Scenario;
import io.outageradar.simulation.Scenario;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.tools.BusinessOutcome;
import io.outageradar.tools.Outcome;
import io.outageradar.topics.InputPartitioning;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The embedded end-to-end run: a real broker in this JVM, the real pipeline, a replay of events
 * (the 4 October 2021 outage, or any backtest events file) through a real producer at full speed,
 * and the outputs read back by a real consumer once the pipeline has read everything.
 */
public final class Demo {
  /** The application id of the demo's pipeline: its consumer group and its topics' prefix. */
  private static final String APPLICATION_ID = "outage-radar-demo";

  /**
   * How long outputs must stay unchanged, beyond the idle detection, to count as final once every
   * detection task has judged everything: what follows its verdicts is one or two internal topics
   * further on.
   */
  private static final Duration QUIET_MARGIN = Duration.ofSeconds(3);

  /**
   * How long the pipeline must have had nothing to process and nothing on its way to the broker,
   * once every detection task has judged everything, for its outputs to count as final without
   * waiting out the quiet margin: fifteen of its consumers' fetch waits, and at least five polls.
   */
  private static final Duration DRAINED_FOR = Duration.ofMillis(300);

  /** How often the demo says how far the pipeline got while it reads. */
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  /**
   * What a mid-sized shop selling through WhatsApp and Instagram might take per hour
   * (illustrative).
   */
  public static final RevenueTable DEMO_REVENUE =
      RevenueTable.parse(
          "whatsapp|BR=2500.00 BRL,instagram|BR=1800.00 BRL,whatsapp|IN=90000 INR,instagram|US=1200.00 USD");

  /**
   * Serve the status page and the query API on {@code port} of this machine while the replay runs,
   * and after it until the run's {@code whenJudged} returns.
   */
  public record Serve(int port, boolean publicMode) {}

  private Demo() {}

  /** The 4 October 2021 outage, probes and user reports. */
  public static Outcome run(long seed, Duration timeout, Consumer<String> progress) {
    return run(seed, timeout, progress, null, DemoBusinesses.sample(), outcome -> {});
  }

  /**
   * As above, serving the status page as {@code serve} says when it is not null, and telling {@code
   * businesses} of the outages that hurt them. {@code whenJudged} gets the outcome as soon as it is
   * final, while the broker and the pipeline still run (closing them takes seconds that the one
   * waiting for the summary need not wait); the run returns after it does.
   */
  public static Outcome run(
      long seed,
      Duration timeout,
      Consumer<String> progress,
      Serve serve,
      List<Business> businesses,
      Consumer<Outcome> whenJudged) {
    Scenario scenario = new Facebook2021Scenario(seed);
    return run(
        scenario.name(),
        ScenarioEvents.of(scenario),
        timeout,
        progress,
        null,
        serve,
        InputPartitioning.SERVICE,
        businesses,
        whenJudged);
  }

  /** Any events in event-time order, e.g. read from a backtest events file. */
  public static Outcome run(
      String name, List<SpecificRecord> events, Duration timeout, Consumer<String> progress) {
    return run(name, events, timeout, progress, null, DemoBusinesses.sample(), outcome -> {});
  }

  /** As above, with a status page, businesses and {@code whenJudged} as for the 2021 outage. */
  public static Outcome run(
      String name,
      List<SpecificRecord> events,
      Duration timeout,
      Consumer<String> progress,
      Serve serve,
      List<Business> businesses,
      Consumer<Outcome> whenJudged) {
    return run(
        name,
        events.stream(),
        timeout,
        progress,
        null,
        serve,
        InputPartitioning.SERVICE,
        businesses,
        whenJudged);
  }

  /**
   * As above, the events published by a producer that partitions as {@code partitioning} says, as a
   * client in another language would.
   */
  public static Outcome run(
      String name,
      List<SpecificRecord> events,
      Duration timeout,
      Consumer<String> progress,
      InputPartitioning partitioning) {
    return run(
        name,
        events.stream(),
        timeout,
        progress,
        null,
        null,
        partitioning,
        DemoBusinesses.sample(),
        outcome -> {});
  }

  /**
   * As above; {@code beforePipeline} may act on the registry once the replay is on the broker and
   * before the pipeline reads any of it (tests of a registry outage).
   */
  public static Outcome run(
      String name,
      List<SpecificRecord> events,
      Duration timeout,
      Consumer<String> progress,
      Consumer<EmbeddedSchemaRegistry> beforePipeline) {
    return run(
        name,
        events.stream(),
        timeout,
        progress,
        beforePipeline,
        null,
        InputPartitioning.SERVICE,
        DemoBusinesses.sample(),
        outcome -> {});
  }

  /**
   * The detection rules of the demo: the defaults, but inputs count as idle after 2 s — the replay
   * is on the broker before the pipeline processes anything, so the only silence is its end, and
   * the last windows may close soon after. The outcome is the same.
   */
  public static DetectionConfig detection() {
    return DetectionConfig.builder().idleAdvanceAfter(Duration.ofSeconds(2)).build();
  }

  /**
   * The rules of a replay published as {@code partitioning} says. By service, every record is
   * already in the partition of its task, so a task that has processed its own partitions to the
   * end of a replay that is wholly on the broker has had everything it will ever get: a quarter of
   * a second of quiet is enough, and the demo ends sooner (by about 4 s, and its start waits less
   * for the partitions with nothing in them). Any other way, records still move between tasks
   * through the by-service topics while a task is quiet, and the 2 s stay.
   */
  static DetectionConfig detection(InputPartitioning partitioning) {
    return partitioning == InputPartitioning.SERVICE
        ? DetectionConfig.builder().idleAdvanceAfter(Duration.ofMillis(250)).build()
        : detection();
  }

  /** What {@code work} gave, or what it threw, as it was thrown. */
  private static <T> T joined(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static String secondsSince(Instant began) {
    return String.format("%.1f", Duration.between(began, Instant.now()).toMillis() / 1000.0);
  }

  /**
   * The run itself; {@code beforePipeline}, when not null, acts on the registry once the replay is
   * on the broker and before the pipeline has read any of it.
   */
  private static Outcome run(
      String name,
      Stream<SpecificRecord> events,
      Duration timeout,
      Consumer<String> progress,
      Consumer<EmbeddedSchemaRegistry> beforePipeline,
      Serve serve,
      InputPartitioning partitioning,
      List<Business> businesses,
      Consumer<Outcome> whenJudged) {
    Instant began = Instant.now();
    Path stateDir = TempDirs.create("outage-radar-demo-state-");
    DetectionConfig detection = detection(partitioning);
    // The lexicons load (half a second) while the broker starts, which leaves a core idle.
    CompletableFuture<SentimentAnalyzer> lexicons =
        CompletableFuture.supplyAsync(SentimentAnalyzer::standard);
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      // A registry over HTTP, as in production; the pipeline has a client (and caches) of its own.
      Topics topics = Topics.create(RegistryOptions.of(registry.url()).connect());
      Topics pipelineTopics = Topics.create(RegistryOptions.of(registry.url()).connect());
      Pipeline.Builder builder =
          Pipeline.Settings.builder(
                  kafka.bootstrapServers(), APPLICATION_ID, pipelineTopics, stateDir)
              .detection(detection)
              .revenue(DEMO_REVENUE);
      if (serve != null) {
        builder
            .queryServer(new HostInfo("localhost", serve.port()))
            .statusPublic(serve.publicMode());
      }
      Pipeline.Settings settings = builder.build();
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicCreator.ensure(admin, topics.all(), (short) 1);
      }
      // The pipeline starts on a thread of its own (is built, joins its group, opens its stores: a
      // second) and reads the replay while it is written, on the core the writing leaves; until
      // all of it is on the broker no silence counts as the end of an input, so a replay paused
      // mid-way (a slow producer on a busy machine) changes nothing. A test that acts on the
      // registry before the pipeline reads has it paused until then instead.
      boolean readWhileWriting = beforePipeline == null;
      progress.accept(
          "embedded Kafka up after "
              + secondsSince(began)
              + " s; replaying "
              + name
              + (readWhileWriting ? " while the pipeline reads it" : " while the pipeline starts"));
      joined(lexicons);
      CompletableFuture<Pipeline> starting =
          CompletableFuture.supplyAsync(
              () ->
                  readWhileWriting
                      ? Pipeline.startWhileInputsWritten(settings)
                      : Pipeline.startPaused(settings));
      Pipeline started;
      long replayed;
      try {
        replayed =
            ScenarioPublisher.publish(
                name, events, topics, kafka.bootstrapServers(), 0, partitioning);
        BusinessPublisher.publish(
            KafkaClients.plain(kafka.bootstrapServers()), topics.businesses, businesses);
        started = joined(starting);
        if (readWhileWriting) {
          started.inputsWritten();
        } else {
          beforePipeline.accept(registry);
        }
      } catch (RuntimeException e) {
        starting.thenAccept(Pipeline::close);
        throw e;
      }
      progress.accept(
          String.format(
              "%,d events on the broker after %s s; the pipeline reads the rest",
              replayed, secondsSince(began)));
      try (Pipeline pipeline = started;
          OutputCollector outputs = new OutputCollector(kafka.bootstrapServers(), topics)) {
        // RUNNING may wait on the registry (a test takes it down here): the whole timeout, not a
        // fixed minute
        Duration startup = timeout.minus(Duration.between(began, Instant.now()));
        if (readWhileWriting) {
          pipeline.awaitRunning(startup);
        } else {
          pipeline.resume(startup);
        }
        if (serve != null) {
          progress.accept(
              "status page at http://localhost:"
                  + serve.port()
                  + "/ (live while the pipeline reads)");
        }
        Duration left = timeout.minus(Duration.between(began, Instant.now()));
        // the replay's own topics: the by-service topics also carry the pipeline's markers
        List<String> inputs = topics.inputs();
        Duration quiet = detection.idleAdvanceAfter().plus(QUIET_MARGIN);
        boolean[] judged = {false};
        Instant[] nextReport = {Instant.now().plus(PROGRESS_EVERY)};
        // Judged in the pipeline itself rather than by the group's committed offsets, which trail
        // what was processed by up to the commit interval (10 s under at-least-once).
        BooleanSupplier readAll =
            () -> {
              String stopped = pipeline.fatalStop().getNow(null);
              if (stopped != null) {
                throw new IllegalStateException("the pipeline stopped: " + stopped);
              }
              if (pipeline.judgedEverything()) {
                if (!judged[0]) {
                  judged[0] = true;
                  progress.accept(
                      "the pipeline has judged every event after "
                          + secondsSince(began)
                          + " s; collecting the last outputs");
                }
                return true;
              }
              if (Instant.now().isAfter(nextReport[0])) {
                nextReport[0] = Instant.now().plus(PROGRESS_EVERY);
                progress.accept(
                    String.format(
                        "read %,d of %,d events; event time reached %s; %d outage(s) so far",
                        Math.min(replayed, pipeline.read(inputs)),
                        replayed,
                        outputs.eventTimeReached().map(Instant::toString).orElse("-"),
                        outputs.outagesSoFar()));
              }
              return false;
            };
        if (!outputs.awaitSettled(readAll, () -> pipeline.quietFor(DRAINED_FOR), quiet, left)) {
          throw new IllegalStateException(
              "the pipeline did not finish judging the replay within "
                  + timeout.toSeconds()
                  + " s: "
                  + outputs.progress());
        }
        Outcome outcome =
            new Outcome(
                name,
                replayed,
                new ArrayList<>(outputs.outages()),
                outputs.pages(),
                outputs.regionImpact(),
                outputs.judged(),
                Duration.between(began, Instant.now()),
                outputs.deadLetters(),
                BusinessOutcome.of(businesses, outputs.businessNotices(), outputs.changes()));
        whenJudged.accept(outcome);
        return outcome;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded schema registry: " + e.getMessage(), e);
    } finally {
      TempDirs.delete(stateDir);
    }
  }
}
