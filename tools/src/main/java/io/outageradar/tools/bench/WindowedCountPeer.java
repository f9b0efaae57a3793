package io.outageradar.tools.bench;

import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The application a user would write instead of outage-radar, as the bench's yardstick: the plain
 * DSL counting each input's records per key in 30 s event-time windows (Avro values decoded, record
 * timestamps as event time, the counts written to a topic).
 */
final class WindowedCountPeer {
  static final Duration WINDOW = Duration.ofSeconds(30);
  static final Duration GRACE = Duration.ofSeconds(10);

  private WindowedCountPeer() {}

  /** Where the counts of {@code input} go. */
  static String countsTopic(Topic<?, ?> input) {
    return input.name() + ".counts";
  }

  /** The topics the counts of {@code topics}' two inputs go to, as many partitions as each. */
  static List<NewTopic> countsTopics(Topics topics) {
    return List.of(
        new NewTopic(countsTopic(topics.probeResults), topics.probeResults.partitions(), (short) 1),
        new NewTopic(countsTopic(topics.userReports), topics.userReports.partitions(), (short) 1));
  }

  static Topology build(Topics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    count(builder, topics.probeResults, "probes");
    count(builder, topics.userReports, "reports");
    return builder.build();
  }

  private static <V> void count(StreamsBuilder builder, Topic<String, V> input, String name) {
    builder.stream(
            input.name(),
            Consumed.with(input.keySerde(), input.valueSerde()).withName(name + "-source"))
        .groupByKey(Grouped.as(name + "-by-key"))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
        .count(
            Named.as(name + "-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(name + "-counts")
                .withKeySerde(Serdes.String()))
        .toStream(Named.as(name + "-counts-stream"))
        .map(
            (window, count) -> new KeyValue<>(window.key() + "@" + window.window().start(), count),
            Named.as(name + "-counts-keyed"))
        .to(
            countsTopic(input),
            Produced.with(Serdes.String(), Serdes.Long()).withName(name + "-counts-sink"));
  }
}
