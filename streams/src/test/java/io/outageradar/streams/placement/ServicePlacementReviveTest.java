package io.outageradar.streams.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams revives a task after a dirty close (under exactly-once, e.g. a commit that timed
 * out) with the same processor objects, and what the task forwarded in the aborted transaction
 * never reached anyone: a revived placement must announce its idleness again, or every other task
 * waits for it forever.
 */
class ServicePlacementReviveTest {
  @Test
  void aRevivedPlacementAnnouncesItsIdlenessAgain() {
    MockProcessorContext<String, String> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), null);
    store(context, "queue");
    store(context, "sources");
    PlacementProgress progress = new PlacementProgress((topic, partition, processed) -> true);
    ServicePlacement<String> placement =
        new ServicePlacement<>(
            new ServicePlacement.PlacementSpec(
                "in",
                "by-service",
                "to-by-service",
                "ordered",
                new InputPlacement.Stage(
                    "queue", "sources", 2, 2, Duration.ofSeconds(1), progress)),
            (key, value) -> value);

    context.setCurrentSystemTimeMs(0);
    placement.init(context);
    context.setCurrentSystemTimeMs(5_000);
    tick(context);
    assertThat(idleMarkers(context)).as("quiet and caught up: idle").isEqualTo(1);

    // the transaction that carried the marker is aborted; the task is revived on the same objects
    context.resetForwards();
    context.setCurrentSystemTimeMs(6_000);
    placement.init(context);
    context.setCurrentSystemTimeMs(10_000);
    tick(context);
    assertThat(idleMarkers(context)).as("said again after the revival").isEqualTo(1);
  }

  private static void tick(MockProcessorContext<String, String> context) {
    List<CapturedPunctuator> scheduled = context.scheduledPunctuators();
    scheduled.get(scheduled.size() - 1).getPunctuator().punctuate(context.currentSystemTimeMs());
  }

  private static long idleMarkers(MockProcessorContext<String, String> context) {
    return context.forwarded().stream()
        .filter(f -> f.record().headers().lastHeader(ServicePlacement.IDLE) != null)
        .count();
  }

  private static void store(MockProcessorContext<String, String> context, String name) {
    KeyValueStore<String, ?> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }
}
