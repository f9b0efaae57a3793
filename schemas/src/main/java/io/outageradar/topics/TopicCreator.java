package io.outageradar.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the catalog's topics that do not exist yet; safe to run at every start. */
public final class TopicCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LEADER_POLL = Duration.ofMillis(50);

  private TopicCreator() {}

  /**
   * As {@link #ensure(Admin, List, short)}, through an admin client of its own; a failure names the
   * cluster, which the admin client's own messages never do.
   */
  public static void ensure(KafkaClients kafka, List<Topic<?, ?>> topics, short replicationFactor) {
    try (Admin admin = Admin.create(kafka.properties(KafkaClients.Kind.ADMIN))) {
      ensure(admin, topics, replicationFactor);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates missing topics with the catalog's partitions and configs. Existing topics are left as
   * they are (an operator may have tuned them). {@code replicationFactor} of -1 takes the broker's
   * default.
   */
  public static void ensure(Admin admin, List<Topic<?, ?>> topics, short replicationFactor) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(
                  t ->
                      new NewTopic(
                              t.name(), Optional.of(t.partitions()), Optional.of(replicationFactor))
                          .configs(configs(t)))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      for (Map.Entry<String, KafkaFuture<Void>> result :
          admin.createTopics(missing).values().entrySet()) {
        try {
          result.getValue().get();
        } catch (ExecutionException e) {
          // Another instance may have created it between our list and create; that is fine.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      LOG.info(
          "created topics {}",
          missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
      awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot create topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /**
   * Waits until every partition of new topics has a leader: a producer that writes at once to a
   * partition whose leader is not known yet may get its idempotent sequence stuck (seen: a replay
   * right after creating its topics hung in flush on OutOfOrderSequence retries).
   */
  private static void awaitLeaders(Admin admin, List<String> names)
      throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        boolean allLed =
            admin.describeTopics(names).allTopicNames().get().values().stream()
                .allMatch(
                    description ->
                        description.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        if (allLed) {
          return;
        }
      } catch (ExecutionException e) {
        // a topic created a moment ago may not be in the broker's metadata yet: ask again
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      Thread.sleep(
          LEADER_POLL
              .toMillis()); // polling the broker's metadata, not waiting for readiness blindly
    }
    throw new IllegalStateException(
        "topics " + names + " have no leader after " + LEADER_TIMEOUT.toSeconds() + " s");
  }

  /** How many partitions each of {@code names} has on the cluster {@code kafka} reaches. */
  public static Map<String, Integer> partitionCounts(KafkaClients kafka, List<String> names) {
    try (Admin admin = Admin.create(kafka.properties(KafkaClients.Kind.ADMIN))) {
      Map<String, Integer> counts = new HashMap<>();
      admin
          .describeTopics(names)
          .allTopicNames()
          .get()
          .forEach((name, description) -> counts.put(name, description.partitions().size()));
      return counts;
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Kafka at "
              + kafka.bootstrapServers()
              + ": cannot describe topics "
              + names
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    }
  }

  static Map<String, String> configs(Topic<?, ?> topic) {
    Map<String, String> configs = new HashMap<>();
    configs.put(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
    if (!topic.compacted()) {
      configs.put(
          TopicConfig.RETENTION_MS_CONFIG,
          topic.retention() == null ? "-1" : Long.toString(topic.retention().toMillis()));
    }
    return configs;
  }
}
