package io.outageradar.topics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The catalog topics a process writes or reads, checked on its cluster: missing ones are created
 * when the process may create them, otherwise named with how to create them.
 */
public final class RequiredTopics {
  private static final long ASK_TIMEOUT_SECONDS = 10;

  private final List<Topic<?, ?>> topics;
  private final boolean create;
  private final short replicationFactor;

  public RequiredTopics(
      List<? extends Topic<?, ?>> topics, boolean create, short replicationFactor) {
    this.topics = List.copyOf(topics);
    this.create = create;
    this.replicationFactor = replicationFactor;
  }

  /**
   * Null when every topic is there (created now if missing and allowed), else one line saying which
   * are missing on which cluster and how to create them.
   */
  public String problem(Admin admin, String bootstrapServers)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(ASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<Topic<?, ?>> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
    if (missing.isEmpty()) {
      return null;
    }
    if (create) {
      TopicCreator.ensure(admin, missing, replicationFactor);
      return null;
    }
    return "topic"
        + (missing.size() == 1 ? " " : "s ")
        + String.join(", ", missing.stream().map(Topic::name).toList())
        + (missing.size() == 1 ? " is" : " are")
        + " missing on Kafka at "
        + bootstrapServers
        + ": start `outage-radar run` (it creates the catalog's topics), or set topics.create=true";
  }
}
