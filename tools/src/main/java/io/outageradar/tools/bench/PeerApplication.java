package io.outageradar.tools.bench;

import io.outageradar.streams.StreamsProperties;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/** The bare windowed count ({@link WindowedCountPeer}) running over {@code topics}' inputs. */
final class PeerApplication implements AutoCloseable {
  static final String APPLICATION_ID = "bench-peer";

  private final KafkaStreams streams;

  private PeerApplication(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Starts the peer and returns once it is RUNNING; its counts topics must exist. */
  static PeerApplication start(
      String bootstrapServers, Topics topics, boolean exactlyOnce, Path stateDir)
      throws InterruptedException {
    KafkaStreams streams =
        new KafkaStreams(
            WindowedCountPeer.build(topics),
            StreamsProperties.of(
                APPLICATION_ID,
                bootstrapServers,
                topics.deadLetters.name(),
                stateDir,
                exactlyOnce));
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (newState, oldState) -> {
          if (newState == KafkaStreams.State.RUNNING || newState == KafkaStreams.State.ERROR) {
            running.countDown();
          }
        });
    streams.start();
    if (!running.await(2, TimeUnit.MINUTES) || streams.state() != KafkaStreams.State.RUNNING) {
      streams.close();
      throw new IllegalStateException("the peer application did not start: " + streams.state());
    }
    return new PeerApplication(streams);
  }

  String applicationId() {
    return APPLICATION_ID;
  }

  @Override
  public void close() {
    streams.close();
  }
}
