package io.outageradar.service.ops;

import io.outageradar.topics.KafkaClients;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster every few seconds whether it is there, so that an unreachable broker is a WARN
 * naming the address within seconds (Kafka's own clients retry silently for a minute or more) and a
 * readiness check.
 */
public final class BrokerWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);
  static final Duration EVERY = Duration.ofSeconds(5);

  private final Admin admin;
  private final String address;
  private final ScheduledExecutorService timer;
  private volatile String problem = "not asked yet";
  private volatile boolean warned;

  private BrokerWatch(Admin admin, String address) {
    this.admin = admin;
    this.address = address;
    this.timer = DaemonTimer.named("outage-radar-broker-watch");
  }

  public static BrokerWatch start(KafkaClients kafka) {
    Properties own = new Properties();
    own.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) EVERY.toMillis());
    own.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) EVERY.toMillis());
    BrokerWatch watch =
        new BrokerWatch(
            Admin.create(kafka.properties(KafkaClients.Kind.ADMIN, own)), kafka.bootstrapServers());
    watch.timer.scheduleWithFixedDelay(watch::ask, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  private void ask() {
    try {
      int brokers =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) EVERY.toMillis()))
              .nodes()
              .get(EVERY.toMillis() * 2, TimeUnit.MILLISECONDS)
              .size();
      if (problem != null && warned) {
        LOG.warn("Kafka at {} answers again ({} broker(s))", address, brokers);
      }
      problem = null;
      warned = false;
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      problem = "Kafka at " + address + " cannot be reached: " + cause.getClass().getSimpleName();
      if (!warned) {
        LOG.warn(
            "cannot reach Kafka at {} ({}); retrying every {} s",
            address,
            cause.getClass().getSimpleName(),
            EVERY.toSeconds());
        warned = true;
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The readiness check: the cluster answered the last question. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
