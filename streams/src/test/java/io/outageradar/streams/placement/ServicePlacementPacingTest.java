package io.outageradar.streams.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.streams.InputLag;
import io.outageradar.topics.ServicePartitioner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * A task whose records wait for another partition stops fetching its own input once too many wait,
 * and fetches again when the other partition's promise has let them go.
 */
class ServicePlacementPacingTest {
  private final List<String> asked = new ArrayList<>();

  @Test
  void tooManyWaitingRecordsStopTheOwnInputUntilTheyAreLetGo() {
    MockProcessorContext<String, String> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), null);
    PlacementStores.add(context, "queue", Serdes.String());
    PlacementStores.add(context, "sources", Serdes.Long());
    PlacementProgress progress =
        new PlacementProgress(
            new InputLag() {
              @Override
              public boolean caughtUp(String topic, int partition, long lastProcessed) {
                return false;
              }

              @Override
              public void holdBack(String topic, int partition, boolean holdBack) {
                asked.add(topic + "-" + partition + (holdBack ? " held back" : " fetched again"));
              }
            });
    ServicePlacement<String> placement =
        new ServicePlacement<>(
            new ServicePlacement.PlacementSpec(
                "in",
                "by-service",
                "to-by-service",
                "ordered",
                new InputPlacement.Stage(
                    "queue", "sources", 2, 2, Duration.ofSeconds(10), progress)),
            (key, value) -> value);
    context.setCurrentSystemTimeMs(0);
    placement.init(context);
    String key = homeKey();

    // partition 1 has promised nothing: every record of partition 0 waits for it
    for (int offset = 0; offset <= ServicePlacement.HOLD_BACK_ABOVE; offset++) {
      context.setRecordMetadata("in", 0, offset);
      placement.process(new Record<>(key, "probe", 1_000L + offset));
    }
    assertThat(asked).containsExactly("in-0 held back");

    context.setRecordMetadata("by-service", 0, 0);
    RecordHeaders promise = new RecordHeaders();
    promise.add(ServicePlacement.SOURCE, "1".getBytes(StandardCharsets.US_ASCII));
    promise.add(ServicePlacement.ORDER, "999999999".getBytes(StandardCharsets.US_ASCII));
    placement.process(new Record<String, String>(null, null, 999_999_999L, promise));

    assertThat(asked).containsExactly("in-0 held back", "in-0 fetched again");
    assertThat(context.forwarded().stream().filter(f -> "ordered".equals(f.childName().orElse(""))))
        .hasSize(ServicePlacement.HOLD_BACK_ABOVE + 1);
  }

  /** A key whose service lives in partition 0 of 2. */
  private static String homeKey() {
    return IntStream.range(0, 100)
        .mapToObj(i -> "svc-" + i + "|BR")
        .filter(k -> ServicePartitioner.partitionOf(k.getBytes(StandardCharsets.UTF_8), 2) == 0)
        .findFirst()
        .orElseThrow();
  }
}
