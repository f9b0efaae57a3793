package io.outageradar.service.cli;

import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.ops.Operability;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.RequiredTopics;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The flags every command that talks to a cluster shares, and the configuration they resolve to.
 */
public final class ClusterOptions {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterOptions.class);

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "SERVERS",
      description = "Kafka bootstrap servers (bootstrap.servers).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      description =
          "The schema registry's URL, or mock://scope; the setting is schema.registry.url.")
  String schemaRegistryUrl;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A setting as key=value, e.g. detection.window=1m; repeatable.")
  Map<String, String> settings = new HashMap<>();

  /**
   * Flags over the environment over the file over the defaults; {@code overrides} and --set count
   * as flags.
   */
  public RadarConfig load(Map<String, String> overrides) {
    Map<String, String> flags = new HashMap<>(settings);
    flags.putAll(overrides);
    if (bootstrapServers != null) {
      flags.put(RadarSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
    }
    if (schemaRegistryUrl != null) {
      flags.put(RadarSettings.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
    }
    return RadarConfig.load(configFile, System.getenv(), flags);
  }

  /**
   * Starts the health, readiness and metrics endpoints of a long-running command and says where
   * they are.
   */
  static Operability operability(RadarConfig config, String process, CommandSpec spec) {
    Operability ops =
        Operability.start(process, config.kafka(), config.get(RadarSettings.HEALTH_PORT));
    if (ops.port() >= 0) {
      spec.commandLine()
          .getErr()
          .println(
              "outage-radar "
                  + process
                  + ": /health/live, /health/ready and /metrics on port "
                  + ops.port());
    }
    return ops;
  }

  /**
   * After a failure the process cannot recover from: unready (and not live) for {@code
   * health.fatal-exit-after}, so that orchestrators see why, then exit code 1.
   */
  static int failAfterGrace(
      RadarConfig config, Operability ops, String process, String reason, CommandSpec spec)
      throws InterruptedException {
    ops.health().fail(reason);
    Duration grace = config.get(RadarSettings.FATAL_EXIT_AFTER);
    spec.commandLine()
        .getErr()
        .println(
            "outage-radar " + process + ": " + reason + "; exiting in " + grace.toSeconds() + " s");
    Thread.sleep(grace.toMillis());
    return OutageRadar.EXIT_FAILURE;
  }

  /**
   * Runs until Ctrl-C (returns 0); a process whose worker stopped ({@code alive} false) says so,
   * stays unready a while, then exits 1 ({@link #failAfterGrace}).
   */
  static int runUntilStopped(
      RadarConfig config,
      Operability ops,
      String process,
      BooleanSupplier alive,
      String stoppedReason,
      CommandSpec spec)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(stopped::countDown, "outage-radar-" + process + "-stop"));
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      if (!alive.getAsBoolean()) {
        return failAfterGrace(config, ops, process, stoppedReason, spec);
      }
    }
    return 0;
  }

  /** The catalog topics a process needs, created when missing if {@code topics.create} says so. */
  public static RequiredTopics required(RadarConfig config, List<? extends Topic<?, ?>> topics) {
    return new RequiredTopics(
        topics,
        config.get(RadarSettings.TOPICS_CREATE),
        config.get(RadarSettings.REPLICATION_FACTOR));
  }

  /**
   * For a command that runs once: the topics it writes are there (created if {@code topics.create}
   * says so), or a usage error naming the missing ones, the cluster and how to create them.
   */
  public static void requireTopics(RadarConfig config, List<? extends Topic<?, ?>> topics) {
    KafkaClients kafka = config.kafka();
    try (Admin admin = Admin.create(kafka.properties(KafkaClients.Kind.ADMIN))) {
      String problem = required(config, topics).problem(admin, kafka.bootstrapServers());
      if (problem != null) {
        throw new ConfigException(problem);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot list the topics on Kafka at " + kafka.bootstrapServers(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    }
  }

  /** The topic catalog of a configuration, with its registry client. */
  public static Topics topics(RadarConfig config) {
    String url = config.get(RadarSettings.SCHEMA_REGISTRY_URL);
    RegistryOptions registry = RegistryOptions.of(url);
    String userInfo = config.get(RadarSettings.SCHEMA_REGISTRY_BASIC_AUTH);
    if (!userInfo.isEmpty()) {
      if (url.startsWith("http://")) {
        LOG.warn(
            "schema registry credentials go to {} over plain http://: anyone on the way can read them; use https://",
            url);
      }
      registry = registry.withBasicAuth(userInfo);
    }
    String trustStore = config.get(RadarSettings.SCHEMA_REGISTRY_TRUSTSTORE);
    if (!trustStore.isEmpty()) {
      registry =
          registry.withSslContext(
              TrustStores.sslContext(
                  Path.of(trustStore),
                  config.get(RadarSettings.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD)));
    }
    return Topics.withPrefix(config.get(RadarSettings.TOPIC_PREFIX), registry.connect());
  }
}
