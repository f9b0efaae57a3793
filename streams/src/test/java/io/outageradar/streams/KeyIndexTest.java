package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
  /** Names that String.compareTo orders differently from their UTF-8 bytes. */
  private static final List<String> KEYS =
      List.of("b|x", "a|\uD83D\uDE00", "a|\uFB01", "a|z", "a|", "a|\u00e9", "c");

  private KeyValueStore<String, Long> store;

  @BeforeEach
  void open() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("keys"), Serdes.String(), Serdes.Long())
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
  }

  @Test
  void walksTheKeysInTheOrderOfARangeScanOfTheStore() {
    KEYS.forEach(key -> store.put(key, 1L));

    assertThat(new KeyIndex(store).range("a", "b\uffff"))
        .containsExactlyElementsOf(scan("a", "b\uffff"));
    assertThat(new KeyIndex(store).range("a|", "a|\uffff"))
        .containsExactlyElementsOf(scan("a|", "a|\uffff"))
        .as("a character outside the Basic Multilingual Plane sorts after \\uffff, as in RocksDB")
        .doesNotContain("a|\uD83D\uDE00");
  }

  @Test
  void theOrderIsThatOfTheKeysUtf8Bytes() {
    List<String> sorted = new ArrayList<>(KEYS);
    sorted.sort(KeyIndex.STORE_ORDER);
    List<String> byBytes = new ArrayList<>(KEYS);
    byBytes.sort(
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

    assertThat(sorted).containsExactlyElementsOf(byBytes);
    assertThat(KeyIndex.STORE_ORDER.compare("a", "a|")).isNegative();
  }

  @Test
  void anyTwoKeysCompareAsTheirUtf8Bytes() {
    // units from every part of the plane that matters: ASCII, Latin-1, below and above the
    // surrogates, and whole pairs (a half pair has no UTF-8 form)
    String[] units = {
      "a",
      "|",
      "\u00e9",
      "\u4e2d",
      "\ud7ff",
      "\ue000",
      "\uffff",
      "\uD83D\uDE00",
      "\uD83D\uDE01",
      "\uDBFF\uDFFF"
    };
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String a = randomKey(random, units);
      String b = randomKey(random, units);
      int bytes =
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
      assertThat(Integer.signum(KeyIndex.STORE_ORDER.compare(a, b)))
          .as("%s against %s", a, b)
          .isEqualTo(Integer.signum(bytes));
    }
  }

  @Test
  void againstAsciiBoundsStringOrderIsStoreOrder() {
    String[] units = {"a", "|", "0", "9", "\u007f", "\u00e9", "\u4e2d", "\ue000", "\uD83D\uDE00"};
    String[] ascii = {"a", "|", "0", "9", "\u007f"};
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String key = randomKey(random, units);
      String bound = randomKey(random, ascii);
      assertThat(Integer.signum(KeyIndex.orderAgainst(bound).compare(key, bound)))
          .as("%s against %s", key, bound)
          .isEqualTo(Integer.signum(KeyIndex.STORE_ORDER.compare(key, bound)));
    }
    assertThat(KeyIndex.orderAgainst("a", "\u00e9")).isSameAs(KeyIndex.STORE_ORDER);
  }

  private static String randomKey(Random random, String[] units) {
    StringBuilder key = new StringBuilder();
    for (int length = random.nextInt(4); length > 0; length--) {
      key.append(units[random.nextInt(units.length)]);
    }
    return key.toString();
  }

  @Test
  void startsFromWhatTheStoreHoldsThenFollowsItsOwner() {
    store.put("1|restored", 1L);
    KeyIndex index = new KeyIndex(store);

    store.put("2|new", 2L);
    index.added("2|new");
    index.removed("1|restored");
    store.delete("1|restored");

    assertThat(index.range("0", "9")).containsExactly("2|new");
    assertThat(index.firstFrom("2")).isEqualTo("2|new");
    assertThat(index.firstFrom("3")).isNull();
    assertThat(index.range("9", "0")).isEmpty();
  }

  private List<String> scan(String from, String to) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, Long> range = store.range(from, to)) {
      range.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }
}
