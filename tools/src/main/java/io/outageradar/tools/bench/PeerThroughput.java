package io.outageradar.tools.bench;

import io.outageradar.registry.SchemaRegistryClient;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The bare windowed count ({@link WindowedCountPeer}) measured exactly as the pipeline is: on
 * topics of its own, fed by the same generator for the same time while it reads, the clock stopping
 * when its consumer group has caught up.
 */
final class PeerThroughput {
  static final String APPLICATION_ID = "bench-peer";

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
      admin
          .createTopics(
              List.of(
                  new NewTopic(
                      WindowedCountPeer.countsTopic(topics.probeResults),
                      topics.probeResults.partitions(),
                      (short) 1),
                  new NewTopic(
                      WindowedCountPeer.countsTopic(topics.userReports),
                      topics.userReports.partitions(),
                      (short) 1)))
          .all()
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the peer's topics", e);
    }
    try (KafkaStreams peer =
        new KafkaStreams(
            WindowedCountPeer.build(topics),
            StreamsProperties.of(
                APPLICATION_ID,
                bootstrapServers,
                topics.deadLetters.name(),
                stateDir,
                options.exactlyOnce()))) {
      CountDownLatch running = new CountDownLatch(1);
      peer.setStateListener(
          (newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING || newState == KafkaStreams.State.ERROR) {
              running.countDown();
            }
          });
      peer.start();
      if (!running.await(2, TimeUnit.MINUTES) || peer.state() != KafkaStreams.State.RUNNING) {
        throw new IllegalStateException("the peer application did not start: " + peer.state());
      }
      return Bench.fullSpeed(topics, bootstrapServers, options, clock, APPLICATION_ID)
          .caughtUpPerSec();
    }
  }
}
