package io.outageradar.tools.bench;

import io.outageradar.registry.SchemaRegistryClient;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The bare windowed count ({@link WindowedCountPeer}) measured exactly as the pipeline is: on
 * topics of its own, fed by the same generator for the same time while it reads, the clock stopping
 * when its consumer group has caught up.
 */
final class PeerThroughput {
  private PeerThroughput() {}

  static double measure(
      String bootstrapServers,
      SchemaRegistryClient registry,
      Bench.Options options,
      Clock clock,
      Path stateDir)
      throws InterruptedException {
    Topics topics = Topics.withPrefix("peer.", registry);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      TopicCreator.ensure(
          admin, List.of(topics.probeResults, topics.userReports, topics.deadLetters), (short) 1);
      admin.createTopics(WindowedCountPeer.countsTopics(topics)).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the peer's topics", e);
    }
    try (PeerApplication peer =
        PeerApplication.start(bootstrapServers, topics, options.exactlyOnce(), stateDir)) {
      return Bench.fullSpeed(topics, bootstrapServers, options, clock, peer.applicationId())
          .caughtUpPerSec();
    }
  }
}
