package io.outageradar.streams.business;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The keys of the stores that say what an outage did to each business — told of it, hurt by it:
 * outage id | business id, outage first, so that one range finds every business of an outage.
 */
final class ByOutage {
  private static final StringSerializer KEYS = new StringSerializer();

  private ByOutage() {}

  static String key(String outageId, String businessId) {
    return outageId + '|' + businessId;
  }

  /** The businesses {@code store} holds something of for {@code outageId}, by id. */
  static List<String> businesses(KeyValueStore<String, ?> store, String outageId) {
    String prefix = outageId + '|';
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, ?> entries = store.prefixScan(prefix, KEYS)) {
      entries.forEachRemaining(entry -> ids.add(entry.key.substring(prefix.length())));
    }
    return ids;
  }
}
