package io.outageradar.service.runtime;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.rules.Rules;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.serde.RegistryNotSharedException;
import io.outageradar.service.query.QueryServer;
import io.outageradar.service.status.StatusFeed;
import io.outageradar.service.status.StatusView;
import io.outageradar.streams.ConsumedInputs;
import io.outageradar.streams.DeadLetteringDeserializationHandler;
import io.outageradar.streams.InputLag;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.detection.DetectionTopology;
import io.outageradar.streams.detection.Settling;
import io.outageradar.streams.placement.InputPlacement;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline against a cluster: creates the catalog's topics, starts the one Kafka Streams
 * application of {@link DetectionTopology} and stops it. Lifecycle only; what the topology does
 * lives in its own class.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /**
   * Where to run and with which rules. {@code queryServer}, when not null, is the address other
   * instances reach this one's query API at; the API listens on its port.
   */
  public record Settings(
      KafkaClients kafka,
      String applicationId,
      Topics topics,
      Rules rules,
      HostInfo queryServer,
      boolean statusPublic,
      Path stateDir,
      short replicationFactor,
      boolean exactlyOnce) {

    /**
     * What every pipeline needs; the rest starts from the defaults (no revenue, no query API, one
     * replica, at least once).
     */
    public static Builder builder(
        String bootstrapServers, String applicationId, Topics topics, Path stateDir) {
      return builder(KafkaClients.plain(bootstrapServers), applicationId, topics, stateDir);
    }

    /** As above, reaching the cluster as {@code kafka} says (security settings and the like). */
    public static Builder builder(
        KafkaClients kafka, String applicationId, Topics topics, Path stateDir) {
      return new Builder(kafka, applicationId, topics, stateDir);
    }

    public String bootstrapServers() {
      return kafka.bootstrapServers();
    }
  }

  /** Named settings for {@link Settings}. */
  public static final class Builder {
    private final KafkaClients kafka;
    private final String applicationId;
    private final Topics topics;
    private final Path stateDir;
    private Rules rules = Rules.defaults();
    private HostInfo queryServer;
    private boolean statusPublic;
    private short replicationFactor = 1;
    private boolean exactlyOnce;

    private Builder(KafkaClients kafka, String applicationId, Topics topics, Path stateDir) {
      this.kafka = kafka;
      this.applicationId = applicationId;
      this.topics = topics;
      this.stateDir = stateDir;
    }

    /** Every rule at once, as built from the settings. */
    public Builder rules(Rules value) {
      rules = value;
      return this;
    }

    public Builder detection(DetectionConfig value) {
      rules = rules.withDetection(value);
      return this;
    }

    public Builder reports(ReportDetectionConfig value) {
      rules = rules.withReports(value);
      return this;
    }

    public Builder revenue(RevenueTable value) {
      rules = rules.withRevenue(value);
      return this;
    }

    public Builder alerts(AlertConfig value) {
      rules = rules.withAlerts(value);
      return this;
    }

    /** This instance's query API address ({@code application.server}); null for none. */
    public Builder queryServer(HostInfo value) {
      queryServer = value;
      return this;
    }

    /** Whether the status page leaves revenue and losses out (a page for the public). */
    public Builder statusPublic(boolean value) {
      statusPublic = value;
      return this;
    }

    public Builder replicationFactor(short value) {
      replicationFactor = value;
      return this;
    }

    public Builder exactlyOnce(boolean value) {
      exactlyOnce = value;
      return this;
    }

    public Settings build() {
      return new Settings(
          kafka,
          applicationId,
          topics,
          rules,
          queryServer,
          statusPublic,
          stateDir,
          replicationFactor,
          exactlyOnce);
    }
  }

  private KafkaStreams app;
  private QueryServer queryServer;
  private StatusFeed statusFeed;
  private BusinessDirectory businesses;

  /**
   * Completed with the reason when the pipeline stopped on an error no restart of a thread can fix.
   */
  private final CompletableFuture<String> fatal = new CompletableFuture<>();

  private final Settling settling = new Settling();
  private final ConsumedInputs.WatchingSupplier clients = ConsumedInputs.clientSupplier();
  private final Settings settings;
  private final CountDownLatch running = new CountDownLatch(1);
  private final AtomicBoolean failed = new AtomicBoolean();
  private int detectionTasks;

  /** Whether the inputs hold everything they will get before any silence may count as idleness. */
  private volatile boolean inputsWritten;

  private Pipeline(Settings settings) {
    this.settings = settings;
  }

  /** Creates missing topics, starts the pipeline's application and waits until it is RUNNING. */
  public static Pipeline start(Settings settings, Duration startupTimeout) {
    Pipeline pipeline = launch(settings, false, true);
    pipeline.awaitRunning(startupTimeout);
    return pipeline;
  }

  /**
   * As {@link #start}, but nothing is processed until {@link #resume}, and it returns at once:
   * meanwhile the application joins its group and creates its tasks. For a history still being
   * written to the inputs (the demo): a pause in the writing must not look to detection like inputs
   * gone idle, and starting is seconds that need not wait for the writing.
   */
  public static Pipeline startPaused(Settings settings) {
    return launch(settings, true, true);
  }

  /** Starts processing after {@link #startPaused}, and waits until the pipeline is RUNNING. */
  public void resume(Duration startupTimeout) {
    app.resume();
    awaitRunning(startupTimeout);
  }

  /**
   * As {@link #start}, but it returns at once and the pipeline processes a history while it is
   * still being written to the inputs (the demo), without taking any silence of an input for its
   * end — a pause in the writing is not idleness — until {@link #inputsWritten}. Then {@link
   * #awaitRunning}.
   */
  public static Pipeline startWhileInputsWritten(Settings settings) {
    return launch(settings, false, false);
  }

  /**
   * Everything of the history is on the broker (after {@link #startWhileInputsWritten}): an input
   * this pipeline has read to its end and that stays quiet may count as idle from now on.
   */
  public void inputsWritten() {
    inputsWritten = true;
  }

  private static Pipeline launch(Settings settings, boolean paused, boolean written) {
    TopicCreator.ensure(settings.kafka(), settings.topics().all(), settings.replicationFactor());
    InputPlacement.Partitions partitions = partitions(settings);
    Pipeline pipeline = new Pipeline(settings);
    pipeline.inputsWritten = written;
    InputLag consumed = ConsumedInputs.lag();
    // until the whole history is written, no partition counts as read to its end: that is what
    // lets a silence count as idleness anywhere in the pipeline
    InputLag lag =
        (topic, partition, lastProcessed) ->
            pipeline.inputsWritten && consumed.caughtUp(topic, partition, lastProcessed);
    pipeline.detectionTasks = partitions.byService();
    Topology topology =
        DetectionTopology.build(
            new DetectionTopology.Settings(
                settings.rules(),
                SentimentAnalyzer.standard(),
                settings.topics(),
                lag,
                partitions,
                pipeline.settling));
    Properties own =
        StreamsProperties.of(
            settings.applicationId(),
            settings.bootstrapServers(),
            settings.topics().deadLetters.name(),
            settings.stateDir(),
            settings.exactlyOnce());
    // the changelog and repartition topics Streams creates get the replication of the catalog's:
    // left at the broker default (often 1) they would take the pipeline down with one broker
    own.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
    if (settings.queryServer() != null) {
      own.put(
          StreamsConfig.APPLICATION_SERVER_CONFIG,
          settings.queryServer().host() + ":" + settings.queryServer().port());
    }
    // kafka.* and streams.* go to Kafka Streams, which hands them to its own clients
    Properties props = settings.kafka().properties(KafkaClients.Kind.STREAMS, own);
    try {
      pipeline.app = new KafkaStreams(topology, props, pipeline.clients);
      pipeline.app.setStateListener(
          (newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR) {
              pipeline.failed.set(true);
            }
            if (newState == KafkaStreams.State.RUNNING || newState == KafkaStreams.State.ERROR) {
              pipeline.running.countDown();
            }
          });
      pipeline.app.setUncaughtExceptionHandler(
          error -> {
            RegistryNotSharedException deployment =
                DeadLetteringDeserializationHandler.fatalCause(error);
            if (deployment != null) {
              // every record would fail the same way: stop and say why instead of retrying forever
              pipeline.fatal.complete(deployment.getMessage());
              return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            // A bug or a broker problem the client could not retry: replace the thread rather than
            // stop detecting outages; the error is logged with its stack for the on-call engineer.
            LOG.error("stream thread of {} died; replacing it", settings.applicationId(), error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          });
      if (paused) {
        // paused tasks are not restored, so the application reaches RUNNING only once resumed
        pipeline.app.pause();
      }
      pipeline.app.start();
      return pipeline;
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  /** Waits until the application is RUNNING, then starts the status page and query API if asked. */
  public void awaitRunning(Duration startupTimeout) {
    try {
      if (!running.await(startupTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            settings.applicationId() + " not RUNNING within " + startupTimeout.toSeconds() + " s");
      }
      if (failed.get()) {
        throw new IllegalStateException(
            settings.applicationId()
                + " failed during start-up"
                + (fatal.isDone() ? ": " + fatal.join() : ""));
      }
      if (settings.queryServer() != null) {
        StatusView view = new StatusView(settings.rules().revenue(), settings.statusPublic());
        statusFeed = StatusFeed.start(settings.kafka(), settings.topics(), view);
        // the customers' notices and the businesses' own pages: every instance reads every
        // business's profile, key, impact and history
        businesses =
            new BusinessDirectory(
                    settings.kafka(), settings.topics().businesses, settings.topics().outages)
                .withImpacts(settings.topics().businessImpact)
                .withKeys(settings.topics().businessKeys)
                .withHistory(settings.topics().businessNotices, settings.topics().reportHealth)
                .start();
        queryServer = QueryServer.start(app, settings.queryServer(), view, businesses);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The partitions of the inputs and of the by-service topics as they are on the cluster (an
   * operator may have created the inputs with other counts than the catalog's). Every by-service
   * topic must have the same count: it is the number of tasks that own services.
   */
  private static InputPlacement.Partitions partitions(Settings settings) {
    Topics topics = settings.topics();
    List<String> byServiceTopics =
        List.of(
            topics.probeResultsByService.name(),
            topics.userReportsByService.name(),
            topics.vendorStatusByService.name());
    List<String> names = new ArrayList<>(byServiceTopics);
    names.addAll(topics.inputs());
    Map<String, Integer> counts = TopicCreator.partitionCounts(settings.kafka(), names);
    int byService = counts.get(byServiceTopics.get(0));
    for (String other : byServiceTopics) {
      if (counts.get(other) != byService) {
        throw new IllegalStateException(
            String.join(", ", byServiceTopics)
                + " must have the same number of partitions (they have "
                + byServiceTopics.stream().map(t -> String.valueOf(counts.get(t))).toList()
                + ")");
      }
    }
    return new InputPlacement.Partitions(
        counts.get(topics.probeResults.name()),
        counts.get(topics.userReports.name()),
        counts.get(topics.vendorStatus.name()),
        byService);
  }

  /** The running application, for its state and metrics. */
  public KafkaStreams streams() {
    return app;
  }

  /**
   * Outages this instance holds that are not resolved (its share of the outages table); empty while
   * the table cannot be read, e.g. during a rebalance.
   */
  public OptionalLong openOutages() {
    try {
      ReadOnlyKeyValueStore<String, OutageEvent> table =
          app.store(
              StoreQueryParameters.fromNameAndType(
                  StoreNames.OUTAGES_TABLE, QueryableStoreTypes.keyValueStore()));
      long open = 0;
      try (KeyValueIterator<String, OutageEvent> all = table.all()) {
        while (all.hasNext()) {
          OutageEvent outage = all.next().value;
          open +=
              outage.getState() == OutageState.RESOLVED || outage.getMergedInto() != null ? 0 : 1;
        }
      }
      return OptionalLong.of(open);
    } catch (InvalidStateStoreException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Whether every detection task of this instance has judged everything it was given: its inputs
   * processed to their end and quiet, every window closed, no verdict held back ({@link Settling}).
   * For a single instance replaying a history (the demo); what follows the verdicts is one or two
   * internal topics further on.
   */
  public boolean judgedEverything() {
    return settling.everyTaskJudgedEverything(detectionTasks);
  }

  /**
   * How many records of {@code topics} this instance's stream threads have read so far, counted
   * from the start of each partition ({@link ConsumedInputs.WatchingSupplier#handedOver}).
   */
  public long read(List<String> topics) {
    return clients.handedOver(topics);
  }

  /**
   * Whether this instance has had nothing to process and nothing on its way to the broker for at
   * least {@code quiet} ({@link ConsumedInputs.WatchingSupplier#quietFor}): after {@link
   * #judgedEverything()}, that what follows the verdicts has been written too. Never under
   * exactly-once, where what is written becomes readable only at a commit.
   */
  public boolean quietFor(Duration quiet) {
    return !settings.exactlyOnce() && clients.quietFor(quiet);
  }

  /**
   * Completes with the reason if the pipeline stops on its own because it cannot work as deployed.
   */
  public CompletableFuture<String> fatalStop() {
    return fatal;
  }

  @Override
  public void close() {
    if (queryServer != null) {
      queryServer.close();
    }
    if (statusFeed != null) {
      statusFeed.close();
    }
    if (businesses != null) {
      businesses.close();
    }
    if (app != null) {
      app.close(Duration.ofSeconds(30));
    }
  }
}
