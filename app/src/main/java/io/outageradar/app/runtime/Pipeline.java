package io.outageradar.app.runtime;

import io.outageradar.app.query.QueryServer;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.impact.RegionImpactTopology;
import io.outageradar.streams.impact.RevenueTable;
import io.outageradar.streams.lifecycle.AlertConfig;
import io.outageradar.streams.lifecycle.OutageLifecycleTopology;
import io.outageradar.streams.probe.ProbeHealthTopology;
import io.outageradar.streams.reports.ReportAnomalyTopology;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.streams.sentiment.SentimentTopology;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline's topologies against a cluster: creates the catalog's topics, starts one Kafka
 * Streams application per topology and stops them together. Lifecycle only; what the topologies do
 * lives in their own classes.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /**
   * Where to run and with which rules. {@code queryServer}, when not null, is the address other
   * instances reach this one's query API at; the API listens on its port.
   */
  public record Settings(
      String bootstrapServers,
      String applicationId,
      Topics topics,
      DetectionConfig detection,
      ReportDetectionConfig reports,
      RevenueTable revenue,
      AlertConfig alerts,
      HostInfo queryServer,
      Path stateDir,
      short replicationFactor,
      boolean exactlyOnce) {}

  private final List<KafkaStreams> apps = new ArrayList<>();
  private QueryServer queryServer;

  private static final String LIFECYCLE = "outage-lifecycle";
  private KafkaStreams lifecycle;

  private Pipeline() {}

  /** Creates missing topics, starts every topology and waits until all are RUNNING. */
  public static Pipeline start(Settings settings, Duration startupTimeout) {
    Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    try (Admin admin = Admin.create(adminProps)) {
      TopicCreator.ensure(admin, settings.topics().all(), settings.replicationFactor());
    }
    Map<String, Topology> topologies = new LinkedHashMap<>();
    topologies.put("probe-health", ProbeHealthTopology.build(settings.detection(), settings.topics()));
    topologies.put("sentiment", SentimentTopology.build(SentimentAnalyzer.standard(), settings.topics()));
    topologies.put("report-anomaly", ReportAnomalyTopology.build(settings.reports(), settings.detection(), settings.topics()));
    topologies.put(LIFECYCLE, OutageLifecycleTopology.build(settings.detection(), settings.reports(), settings.alerts(), settings.topics()));
    topologies.put("region-impact", RegionImpactTopology.build(settings.revenue(), settings.topics()));

    Pipeline pipeline = new Pipeline();
    CountDownLatch allRunning = new CountDownLatch(topologies.size());
    AtomicReference<String> failed = new AtomicReference<>();
    try {
      topologies.forEach((name, topology) -> {
        String appId = settings.applicationId() + "-" + name;
        Properties props = StreamsProperties.of(appId, settings.bootstrapServers(), settings.topics().deadLetters.name(),
            settings.stateDir(), settings.exactlyOnce());
        if (name.equals(LIFECYCLE) && settings.queryServer() != null) {
          props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.queryServer().host() + ":" + settings.queryServer().port());
        }
        KafkaStreams app = new KafkaStreams(topology, props);
        if (name.equals(LIFECYCLE)) {
          pipeline.lifecycle = app;
        }
        AtomicBoolean seenRunning = new AtomicBoolean();
        app.setStateListener((newState, oldState) -> {
          if (newState == KafkaStreams.State.RUNNING && seenRunning.compareAndSet(false, true)) {
            allRunning.countDown();
          } else if (newState == KafkaStreams.State.ERROR) {
            failed.compareAndSet(null, appId);
            while (allRunning.getCount() > 0) {
              allRunning.countDown();
            }
          }
        });
        app.setUncaughtExceptionHandler(error -> {
          // A bug or a broker problem the client could not retry: replace the thread rather than
          // stop detecting outages; the error is logged with its stack for the on-call engineer.
          LOG.error("stream thread of {} died; replacing it", appId, error);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        pipeline.apps.add(app);
        app.start();
      });
      if (!allRunning.await(startupTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("topologies not RUNNING within " + startupTimeout.toSeconds() + " s");
      }
      if (failed.get() != null) {
        throw new IllegalStateException(failed.get() + " failed during start-up");
      }
      if (settings.queryServer() != null) {
        pipeline.queryServer = QueryServer.start(pipeline.lifecycle, settings.queryServer());
      }
      return pipeline;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.close();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (queryServer != null) {
      queryServer.close();
    }
    apps.forEach(app -> app.close(Duration.ofSeconds(30)));
  }
}
