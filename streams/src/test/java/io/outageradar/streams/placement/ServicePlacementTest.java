package io.outageradar.streams.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The input placement of one task, driven by hand: idleness, revival, what detection is told. */
class ServicePlacementTest {
  private final MockProcessorContext<String, String> context =
      new MockProcessorContext<>(new Properties(), new TaskId(0, 0), null);
  private final PlacementProgress progress =
      new PlacementProgress((topic, partition, processed) -> true);
  private final ServicePlacement<String> placement =
      new ServicePlacement<>(
          new ServicePlacement.PlacementSpec(
              "in",
              "by-service",
              "to-by-service",
              "ordered",
              new InputPlacement.Stage("queue", "sources", 2, 2, Duration.ofSeconds(1), progress)),
          (key, value) -> value);

  ServicePlacementTest() {
    store(context, "queue", Serdes.String());
    store(context, "sources", Serdes.Long());
  }

  /**
   * Kafka Streams revives a task after a dirty close (under exactly-once, e.g. a commit that timed
   * out) with the same processor objects, and what the task forwarded in the aborted transaction
   * never reached anyone: a revived placement must announce its idleness again, or every other task
   * waits for it forever.
   */
  @Test
  void aRevivedPlacementAnnouncesItsIdlenessAgain() {
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

  /**
   * A task whose own partition of an input is empty, with the by-service topic processed to its
   * end, is not drained while another source partition has said nothing: that partition's records
   * (a status page's statement, say) may still be on their way to the by-service topic.
   */
  @Test
  void notDrainedUntilEverySourcePartitionHasSpoken() {
    context.setCurrentSystemTimeMs(0);
    placement.init(context);
    context.setCurrentSystemTimeMs(5_000);
    tick(context);
    assertThat(idleMarkers(context)).as("its own partition is idle").isEqualTo(1);
    assertThat(progress.drained("in", 0)).as("partition 1 has not spoken").isFalse();

    Headers headers = new RecordHeaders();
    headers.add(ServicePlacement.SOURCE, "1".getBytes(StandardCharsets.US_ASCII));
    headers.add(ServicePlacement.OFFSET, "0".getBytes(StandardCharsets.US_ASCII));
    headers.add(ServicePlacement.ORDER, "1000".getBytes(StandardCharsets.US_ASCII));
    context.setRecordMetadata("by-service", 0, 0);
    placement.process(new Record<>("instagram|*", "statement", 1_000, headers));

    assertThat(context.forwarded())
        .as("released at once: the only other source is idle")
        .anySatisfy(f -> assertThat(f.record().value()).isEqualTo("statement"));
    assertThat(progress.drained("in", 0)).isTrue();
  }

  /**
   * A partition whose records are live says it is idle after a quarter second of quiet, so that the
   * other tasks do not wait the idle time (a second here) for the last records of a burst.
   */
  @Test
  void aLivePartitionIsIdleAfterAQuarterSecondOfQuiet() {
    quietAfterOneRecord(Duration.ofMillis(100), Duration.ofMillis(300));
    assertThat(idleMarkers(context)).isEqualTo(1);
  }

  /**
   * One in historical time (a replay, a catch-up) waits the idle time: its producer may be slow.
   */
  @Test
  void aPartitionInHistoricalTimeIsIdleOnlyAfterTheIdleTime() {
    long wall = quietAfterOneRecord(Duration.ofHours(1), Duration.ofMillis(300));
    assertThat(idleMarkers(context)).isZero();

    context.setCurrentSystemTimeMs(wall + 1_100);
    tick(context);
    assertThat(idleMarkers(context)).isEqualTo(1);
  }

  /**
   * One record of the task's own input, {@code behind} the wall clock, then {@code quiet}; returns
   * the wall-clock time of the record.
   */
  private long quietAfterOneRecord(Duration behind, Duration quiet) {
    long wall = Duration.ofDays(20_000).toMillis();
    context.setCurrentSystemTimeMs(wall);
    placement.init(context);
    context.setRecordMetadata("in", 0, 0);
    placement.process(new Record<>("whatsapp|BR", "probe", wall - behind.toMillis()));
    context.resetForwards();
    context.setCurrentSystemTimeMs(wall + quiet.toMillis());
    tick(context);
    return wall;
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

  private static void store(
      MockProcessorContext<String, String> context, String name, Serde<?> values) {
    KeyValueStore<String, ?> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }
}
