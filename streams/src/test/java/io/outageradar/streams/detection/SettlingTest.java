package io.outageradar.streams.detection;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ProbeStatus;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detection task says it has judged everything only when its inputs are processed to their end
 * and quiet, and every window it had is closed — and takes it back when a record comes.
 */
class SettlingTest {
  private static final String SCOPE = SettlingTest.class.getName();

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
  private final AtomicBoolean probesCaughtUp = new AtomicBoolean();

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void judgedOnceEverythingIsProcessedQuietAndClosed() {
    // a replay: the wall clock a day after the events
    try (DetectionDriver driver =
        new DetectionDriver(
            topics,
            stateDir,
            (topic, partition, processed) ->
                !topic.equals(topics.probeResults.name()) || probesCaughtUp.get(),
            at(86_400))) {
      for (long second : new long[] {5, 35, 65}) {
        for (String agent : new String[] {"a1", "a2", "a3"}) {
          driver.probe(probe("whatsapp", "BR", agent, ProbeStatus.OK, at(second)));
        }
      }
      driver.idle(Duration.ofMinutes(1));
      assertThat(driver.judgedEverything())
          .as("quiet, but probes are still waiting to be processed")
          .isFalse();

      probesCaughtUp.set(true);
      driver.idle(Duration.ofMinutes(1));
      assertThat(driver.judgedEverything()).isTrue();
      assertThat(driver.regionHealth()).as("every window was closed and judged").hasSize(3);

      driver.probe(probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(95)));
      driver.idle(Duration.ofSeconds(1));
      assertThat(driver.judgedEverything()).as("a new record is not judged yet").isFalse();
    }
  }
}
