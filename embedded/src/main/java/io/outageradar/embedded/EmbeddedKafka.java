package io.outageradar.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) inside this JVM, on free
 * loopback ports, with its log in a temporary directory that {@link #close()} deletes. It is the
 * broker of the demo, the benchmark and every integration test.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path logDir;
  private final int brokerPort;
  private final KafkaConfig config;
  private KafkaRaftServer server;
  private SecureListener secure;
  private boolean closed;

  private EmbeddedKafka(Path logDir, int brokerPort, KafkaConfig config, KafkaRaftServer server) {
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.config = config;
    this.server = server;
  }

  /** Formats a fresh log directory and starts the broker; returns once it accepts connections. */
  public static EmbeddedKafka start() {
    return start(Map.of());
  }

  /** As {@link #start()}, with broker settings that override the defaults. */
  public static EmbeddedKafka start(Map<String, String> overrides) {
    return start(overrides, null, 0);
  }

  /** A broker whose clients connect to {@code brokerPort} on loopback (0 for any free port). */
  public static EmbeddedKafka startOnPort(int brokerPort) {
    return start(Map.of(), null, brokerPort);
  }

  /**
   * A broker that also listens for clients with SASL_SSL (SCRAM-SHA-512) on a port of its own, with
   * the key and certificate in {@code keyStore} (PKCS12); the PLAINTEXT listener stays, for the
   * broker itself and for creating SCRAM users ({@link #secureBootstrapServers()}).
   */
  public static EmbeddedKafka startSecured(Path keyStore, String keyStorePassword) {
    return start(Map.of(), new SecureListener(freePort(), keyStore, keyStorePassword), 0);
  }

  /** Where the SASL_SSL listener of {@link #startSecured} is; null for a plaintext-only broker. */
  public String secureBootstrapServers() {
    return secure == null ? null : "127.0.0.1:" + secure.port();
  }

  private record SecureListener(int port, Path keyStore, String password) {
    void configure(Properties props) {
      props.put("listeners", props.get("listeners") + ",SECURE://127.0.0.1:" + port);
      props.put(
          "advertised.listeners",
          props.get("advertised.listeners") + ",SECURE://127.0.0.1:" + port);
      props.put(
          "listener.security.protocol.map",
          props.get("listener.security.protocol.map") + ",SECURE:SASL_SSL");
      props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
      props.put(
          "listener.name.secure.scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
      props.put("listener.name.secure.ssl.keystore.type", "PKCS12");
      props.put("listener.name.secure.ssl.keystore.location", keyStore.toString());
      props.put("listener.name.secure.ssl.keystore.password", password);
      props.put("listener.name.secure.ssl.key.password", password);
    }
  }

  private static EmbeddedKafka start(
      Map<String, String> overrides, SecureListener secure, int port) {
    Path logDir = TempDirs.create("outage-radar-kafka-");
    int brokerPort = port == 0 ? freePort() : port;
    int controllerPort = freePort();
    Properties props = brokerProperties(logDir, brokerPort, controllerPort);
    if (secure != null) {
      secure.configure(props);
    }
    props.putAll(overrides);
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    try {
      format(config, logDir);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      LOG.info("embedded Kafka {} listening on 127.0.0.1:{}", kafkaVersion(), brokerPort);
      EmbeddedKafka kafka = new EmbeddedKafka(logDir, brokerPort, config, server);
      kafka.secure = secure;
      return kafka;
    } catch (Exception e) {
      TempDirs.delete(logDir);
      throw new IllegalStateException("embedded Kafka failed to start: " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  public Path logDir() {
    return logDir;
  }

  /**
   * Stops the broker and starts it again on the same ports and log, as after a crash of the broker
   * process.
   */
  public synchronized void restart() {
    server.shutdown();
    server.awaitShutdown();
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    LOG.info("embedded Kafka restarted on 127.0.0.1:{}", brokerPort);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    TempDirs.delete(logDir);
  }

  static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://127.0.0.1:"
            + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("auto.create.topics.enable", "false");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "3");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "3");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    // Replays carry their historical event times (2021) as record timestamps; time-based retention
    // would delete them at once, so the embedded broker never runs it: not periodically, and not
    // once at start-up either (the first check runs after the initial task delay, 30 s by default,
    // and deleted the rolled segments of a replay still being read).
    props.put("log.retention.check.interval.ms", Long.toString(Long.MAX_VALUE / 2));
    props.put("log.initial.task.delay.ms", Long.toString(Long.MAX_VALUE / 2));
    props.put("log.message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE));
    // The cleaner zeroes its whole dedupe buffer before each pass, and a changelog rolls a segment
    // per hour of event time, so a replay sets off a pass every few seconds. The default 128 MiB,
    // sized for a production broker's logs, drew half as many CPU samples as the stream thread in
    // the demo; 4 MiB still maps ~170,000 keys per pass, more than an embedded run's changelogs
    // hold.
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
    return props;
  }

  private static void format(KafkaConfig config, Path logDir) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(NODE_ID)
        .setControllerListenerName(CONTROLLER_LISTENER)
        .setMetadataLogDirectory(logDir.toString())
        .setDirectories(List.of(logDir.toString()))
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setReleaseVersion(MetadataVersion.latestProduction())
        .run();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static String kafkaVersion() {
    return org.apache.kafka.common.utils.AppInfoParser.getVersion();
  }
}
