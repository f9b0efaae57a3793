package io.outageradar.streams.placement;

import io.outageradar.streams.WriteBehindKeyValueStore;
import io.outageradar.streams.placement.ServicePlacement.PlacementSpec;
import io.outageradar.topics.ServicePartitioner;
import io.outageradar.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * One input, read from whatever partition its producer chose, as the stream of the records of the
 * services this task owns, in an order that depends on the records alone (see {@link
 * ServicePlacement}).
 */
public final class InputPlacement {
  /**
   * Partition counts as found on the cluster: of each input, and of the by-service topics (the
   * pipeline's tasks). {@link #SINGLE} for a driver that has one partition of everything.
   */
  public record Partitions(int probeResults, int userReports, int vendorStatus, int byService) {
    public static final Partitions SINGLE = new Partitions(1, 1, 1, 1);
  }

  /** What one input's placement needs besides its topics. */
  public record Stage(
      String queueStore,
      String sourcesStore,
      int sourcePartitions,
      int servicePartitions,
      Duration idleAfter,
      PlacementProgress progress) {}

  private InputPlacement() {}

  /**
   * Adds the placement of {@code input} through {@code byService}, its nodes named after {@code
   * base}; returns its records in the order detection is to see them.
   */
  public static <V> KStream<String, V> addTo(
      StreamsBuilder builder,
      String base,
      Topic<String, V> input,
      Topic<String, V> byService,
      TimestampExtractor eventTime,
      BiFunction<String, V, V> validate,
      Stage stage) {
    // records wait here a moment for the other partitions (longer while catching up): on the heap,
    // and only those still waiting at a commit reach the changelog; what each source promised is a
    // few numbers, written on every record
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            stage.queueStore(), Serdes.String(), input.valueSerde()));
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder(
            stage.sourcesStore(), Serdes.String(), Serdes.Long()));
    KStream<String, V> arrivals =
        builder.stream(
                input.name(),
                Consumed.with(input.keySerde(), input.valueSerde())
                    .withTimestampExtractor(eventTime)
                    .withName(base + "-source"))
            .merge(
                builder.stream(
                    byService.name(),
                    Consumed.with(byService.keySerde(), byService.valueSerde())
                        .withName(base + "-by-service-source")),
                Named.as(base + "-arrivals"));
    PlacementSpec spec =
        new PlacementSpec(
            input.name(), byService.name(), base + "-by-service-sink", base + "-in-order", stage);
    KStream<String, V> placed =
        arrivals.process(
            () -> new ServicePlacement<>(spec, validate),
            Named.as(base + "-placement"),
            stage.queueStore(),
            stage.sourcesStore());
    placed.to(
        byService.name(),
        Produced.with(byService.keySerde(), byService.valueSerde())
            .withStreamPartitioner(new ByService<>())
            .withName(spec.byServiceSink()));
    // the placement forwards to this node by name: what it holds back comes out here, in order
    return placed.mapValues(value -> value, Named.as(spec.orderedChild()));
  }

  /** A record to its service's partition; a marker (no key) to every partition. */
  private static final class ByService<V> implements StreamPartitioner<String, V> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
      if (key == null) {
        return Optional.of(
            IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
      }
      return Optional.of(
          Set.of(
              ServicePartitioner.partitionOf(key.getBytes(StandardCharsets.UTF_8), numPartitions)));
    }
  }
}
