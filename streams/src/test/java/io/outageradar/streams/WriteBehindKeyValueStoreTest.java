package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBehindKeyValueStoreTest {
  private KeyValueStore<String, Long> below;
  private WriteBehindKeyValueStore<String, Long> store;

  @BeforeEach
  void open() {
    below =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("below"), Serdes.String(), Serdes.Long())
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store = writtenBehind(below);
  }

  @Test
  void anInMemoryStoreKeepsAChangelogThatIsCompactedWithinTheHour() {
    var builder =
        WriteBehindKeyValueStore.inMemoryBuilder("windows", Serdes.String(), Serdes.Long());

    assertThat(builder.loggingEnabled()).isTrue();
    assertThat(builder.logConfig())
        .containsEntry("segment.ms", "3600000")
        .containsEntry("delete.retention.ms", "3600000");
    assertThat(builder.build().persistent()).isFalse();
  }

  @Test
  void writesReachTheStoreBelowOnlyWhenStreamsFlushesBeforeACommit() {
    store.put("a", 1L);
    store.put("a", 2L);

    assertThat(store.get("a")).isEqualTo(2L);
    assertThat(below.get("a")).isNull();

    store.flushCache();

    assertThat(below.get("a")).isEqualTo(2L);
  }

  @Test
  void aValueChangedBelowAfterACommitIsReadFromBelow() {
    store.put("a", 1L);
    assertThat(store.get("a")).isEqualTo(1L);
    store.flushCache();
    // what a restore from the changelog does underneath a recycled task: no call comes through here
    below.put("a", 7L);

    assertThat(store.get("a")).isEqualTo(7L);
  }

  @Test
  void aRangeSeesValuesNotWrittenYet() {
    store.put("b", 2L);
    store.put("a", 1L);
    store.put("c", 3L);

    List<KeyValue<String, Long>> seen = new ArrayList<>();
    try (KeyValueIterator<String, Long> range = store.range("a", "b")) {
      range.forEachRemaining(seen::add);
    }

    assertThat(seen).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L));
  }

  @Test
  void aRangeDeletedBeforeTheCommitTakesHeldKeysOffTheHeapAndWrittenOnesOffTheStoreBelow() {
    List<String> callsBelow = new ArrayList<>();
    KeyValueStore<String, Long> counted = countingStore(callsBelow);
    WriteBehindKeyValueStore<String, Long> writeBehind = writtenBehind(counted);
    writeBehind.put("0|old", 1L);
    writeBehind.flushCache();
    writeBehind.put("1|new", 2L);
    writeBehind.put("2|later", 3L);
    callsBelow.clear();

    WriteBehindKeyValueStore.deleteRange(writeBehind, "0", "1|\uffff");
    writeBehind.flushCache();

    assertThat(callsBelow)
        .as("the written key is deleted below; the held one never went there")
        .containsExactly(
            "delete " + Bytes.wrap("0|old".getBytes(StandardCharsets.UTF_8)),
            "put " + Bytes.wrap("2|later".getBytes(StandardCharsets.UTF_8)));
    assertThat(writeBehind.get("0|old")).isNull();
    assertThat(writeBehind.get("1|new")).isNull();
    assertThat(writeBehind.get("2|later")).isEqualTo(3L);
  }

  @Test
  void aKeyHeldAgainAfterADeleteIsDroppedFromTheHeapWithNothingSentBelow() {
    List<String> callsBelow = new ArrayList<>();
    WriteBehindKeyValueStore<String, Long> writeBehind = writtenBehind(countingStore(callsBelow));
    writeBehind.put("1|again", 1L);
    writeBehind.delete("1|again");
    writeBehind.put("1|again", 2L);
    writeBehind.put("2|later", 3L);

    WriteBehindKeyValueStore.deleteRange(writeBehind, "0", "1|~");
    writeBehind.flushCache();

    assertThat(writeBehind.get("1|again")).isNull();
    assertThat(callsBelow.stream().filter(call -> !call.startsWith("get ")))
        .as("neither a delete below nor a write of the key put twice")
        .containsExactly("put " + Bytes.wrap("2|later".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRangeOfAnyOtherStoreIsDeletedAsTheRangeFindsIt() {
    below.put("0|a", 1L);
    below.put("1|b", 2L);

    WriteBehindKeyValueStore.deleteRange(below, "0", "0|\uffff");

    assertThat(below.get("0|a")).isNull();
    assertThat(below.get("1|b")).isEqualTo(2L);
  }

  @Test
  void aProcessorDeletingARangeOfItsWrittenBehindStoreWritesNothingItHeld() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        WriteBehindKeyValueStore.inMemoryBuilder("seen", Serdes.String(), Serdes.Long()));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(
            () ->
                new Processor<String, String, Void, Void>() {
                  private KeyValueStore<String, Long> seen;

                  @Override
                  public void init(ProcessorContext<Void, Void> context) {
                    seen = context.getStateStore("seen");
                  }

                  @Override
                  public void process(Record<String, String> record) {
                    // the test driver commits after every record: put and forget within one
                    for (String key : record.value().split(",")) {
                      seen.put(key, 1L);
                    }
                    WriteBehindKeyValueStore.deleteRange(seen, "0", "0|\uffff");
                  }
                },
            "seen");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeInput("x", "0|a,1|b");
      KeyValueStore<String, Long> seen = driver.getKeyValueStore("seen");

      assertThat(seen.get("0|a")).isNull();
      assertThat(seen.get("1|b")).isEqualTo(1L);
      assertThat(
              driver
                  .createOutputTopic(
                      "write-behind-test-seen-changelog",
                      new StringDeserializer(),
                      new LongDeserializer())
                  .readKeyValuesToList())
          .as("only what was held at the commit, the forgotten key neither put nor deleted")
          .containsExactly(KeyValue.pair("1|b", 1L));
    }
  }

  @Test
  void aDeletedKeyIsGoneAboveAndBelowAndIsNotWrittenBackAtTheCommit() {
    store.put("a", 1L);
    store.flushCache();
    store.put("a", 5L);

    assertThat(store.delete("a")).isEqualTo(5L);
    store.flushCache();

    assertThat(store.get("a")).isNull();
    assertThat(below.get("a")).isNull();
  }

  @Test
  void aKeyPutAndDeletedBetweenTwoCommitsNeverReachesTheStoreBelow() {
    List<String> writesBelow = new ArrayList<>();
    KeyValueStore<String, Long> counted = countingStore(writesBelow);
    WriteBehindKeyValueStore<String, Long> writeBehind = writtenBehind(counted);

    writeBehind.put("held", 1L);
    writeBehind.put("passing", 2L);
    writesBelow.removeIf(call -> call.startsWith("get"));
    assertThat(writeBehind.delete("passing")).isEqualTo(2L);
    writeBehind.flushCache();

    assertThat(writesBelow).singleElement().asString().startsWith("put");
    assertThat(counted.get("held")).isEqualTo(1L);

    assertThat(writeBehind.delete("held")).isEqualTo(1L);
    assertThat(counted.get("held")).as("a key the store below has is deleted there").isNull();
  }

  @Test
  void valuesNotYetCommittedAreForgottenWhenTheTaskCloses() {
    store.put("a", 1L);
    store.flushCache();
    store.put("a", 2L);
    store.put("b", 3L);

    store.close();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);

    assertThat(store.get("a")).as("in-memory below is emptied by its own close").isNull();
    assertThat(store.get("b")).isNull();
  }

  @Test
  void aValueReadFromBelowIsServedFromTheHeapUntilTooManyAreHeld() {
    below.put("a", 1L);
    assertThat(store.get("a")).isEqualTo(1L);
    below.put("a", 9L); // only possible in this test: nothing else writes below

    assertThat(store.get("a")).as("held since the first read").isEqualTo(1L);

    store.put("b", 2L);
    store.put("c", 3L);
    store.flushCache(); // three held, more than the two allowed: let them go

    assertThat(store.get("a")).isEqualTo(9L);
    assertThat(below.get("c")).isEqualTo(3L);
  }

  @Test
  void aKeyFoundMissingAndThenWrittenIsLookedUpBelowOnce() {
    List<String> callsBelow = new ArrayList<>();
    KeyValueStore<String, Long> counted = countingStore(callsBelow);
    WriteBehindKeyValueStore<String, Long> writeBehind = writtenBehind(counted);

    assertThat(writeBehind.get("new")).isNull();
    writeBehind.put("new", 1L);
    assertThat(writeBehind.get("new")).isEqualTo(1L);
    assertThat(writeBehind.delete("new")).isEqualTo(1L);

    assertThat(callsBelow).as("one lookup, and nothing to delete below").hasSize(1);
    assertThat(callsBelow.get(0)).startsWith("get");
  }

  /** {@code below} written behind, initialised as Kafka Streams would. */
  private static WriteBehindKeyValueStore<String, Long> writtenBehind(
      KeyValueStore<String, Long> below) {
    WriteBehindKeyValueStore<String, Long> store = new WriteBehindKeyValueStore<>(below);
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }

  /** An in-memory store below that notes every get, put and delete that reaches it. */
  private static KeyValueStore<String, Long> countingStore(List<String> calls) {
    return Stores.keyValueStoreBuilder(
            new KeyValueBytesStoreSupplier() {
              @Override
              public String name() {
                return "counted";
              }

              @Override
              public KeyValueStore<Bytes, byte[]> get() {
                return new InMemoryKeyValueStore("counted") {
                  @Override
                  public byte[] get(Bytes key) {
                    calls.add("get " + key);
                    return super.get(key);
                  }

                  @Override
                  public void put(Bytes key, byte[] value) {
                    calls.add((value == null ? "delete " : "put ") + key);
                    super.put(key, value);
                  }

                  @Override
                  public byte[] delete(Bytes key) {
                    calls.add("delete " + key);
                    return super.delete(key);
                  }
                };
              }

              @Override
              public String metricsScope() {
                return "in-memory";
              }
            },
            Serdes.String(),
            Serdes.Long())
        .withLoggingDisabled()
        .withCachingDisabled()
        .build();
  }
}
