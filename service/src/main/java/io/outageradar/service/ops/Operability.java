package io.outageradar.service.ops;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.outageradar.serde.RegistryWait;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.RequiredTopics;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Health, readiness and metrics of one process ({@code run}, {@code intake}, {@code probe} or
 * {@code pager}): the Prometheus registry the process's meters go to (JVM meters bound), the
 * readiness checks every process shares (the broker answers, the schema registry is not being
 * waited for) and, unless {@code health.port} is -1, the HTTP endpoints.
 */
public final class Operability implements AutoCloseable {
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Health health = new Health();
  private final BrokerWatch broker;
  private final KafkaClients kafka;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private OpsServer server;
  private TopicWatch topics;

  private Operability(String process, KafkaClients kafka) {
    this.kafka = kafka;
    metrics.config().commonTags("process", process);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    gc.bindTo(metrics);
    broker = BrokerWatch.start(kafka);
    health.check("kafka", broker::problem).check("schema-registry", RegistryWait::problem);
  }

  /**
   * Starts watching the broker and, on {@code port} (0: any free one; -1: none), serving the
   * endpoints.
   */
  public static Operability start(String process, KafkaClients kafka, int port) {
    Operability ops = new Operability(process, kafka);
    if (port >= 0) {
      try {
        ops.server = OpsServer.start(port, ops.health, ops.metrics);
      } catch (IOException e) {
        ops.close();
        throw new UncheckedIOException(e);
      }
    }
    return ops;
  }

  /**
   * Not ready while any of {@code required} is missing on the cluster (created when it may be):
   * what the process accepts could not be stored, or what it serves could not be read.
   */
  public Operability require(RequiredTopics required) {
    topics = TopicWatch.start(kafka, required);
    health.check("topics", topics::problem);
    return this;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  /**
   * Binds a set of meters (a Kafka client's, the stream application's) and hands it back, for
   * try-with-resources.
   */
  public <T extends MeterBinder> T bind(T binder) {
    binder.bindTo(metrics);
    return binder;
  }

  public Health health() {
    return health;
  }

  /** Where the endpoints listen, or -1 when they are off. */
  public int port() {
    return server == null ? -1 : server.port();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (topics != null) {
      topics.close();
    }
    broker.close();
    gc.close();
    metrics.close();
  }
}
