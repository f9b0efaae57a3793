package io.outageradar.service.ops;

import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.RequiredTopics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster every few seconds whether the topics a long-running process writes or reads are
 * there (creating them when it may), so that a process that could not store what it accepts is
 * never ready: the readiness check says which topic is missing and how to create it, and a WARN
 * says it once a minute.
 */
final class TopicWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWatch.class);
  static final Duration EVERY = Duration.ofSeconds(5);
  static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final Admin admin;
  private final String address;
  private final RequiredTopics required;
  private final ScheduledExecutorService timer;
  private volatile String problem = "topics not checked yet";
  private long warnedAtNanos;
  private boolean warned;

  private TopicWatch(Admin admin, String address, RequiredTopics required) {
    this.admin = admin;
    this.address = address;
    this.required = required;
    this.timer = DaemonTimer.named("outage-radar-topic-watch");
  }

  static TopicWatch start(KafkaClients kafka, RequiredTopics required) {
    TopicWatch watch =
        new TopicWatch(
            Admin.create(kafka.properties(KafkaClients.Kind.ADMIN)),
            kafka.bootstrapServers(),
            required);
    watch.timer.scheduleWithFixedDelay(watch::ask, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  private void ask() {
    String now;
    try {
      now = required.problem(admin, address);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      // an unreachable broker is the broker check's to report; the topics are simply not known
      now = "cannot list the topics on Kafka at " + address;
    }
    if (now == null && warned) {
      LOG.info("the topics this process needs are on Kafka at {} now", address);
      warned = false;
    } else if (now != null
        && (!warned || System.nanoTime() - warnedAtNanos >= WARN_EVERY.toNanos())) {
      LOG.warn("{}; not ready until then", now);
      warned = true;
      warnedAtNanos = System.nanoTime();
    }
    problem = now;
  }

  /** The readiness check: every required topic was there at the last look. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
