package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The global store of business profiles, with an index of the businesses each service carries a
 * channel of, so that an outage change reads the businesses on its own service and not every
 * business there is (a million businesses, a fifth on the service that is down, and the outage
 * changes once a window).
 *
 * <p>Layout: a profile under its id; a copy under {@code ~service|id} for each service its channels
 * ride on. Ids are lower-case letters, digits and dashes, so every index key sorts after every id
 * ({@code ~} is after them all) and the two never meet. Only {@link ProfileLoader} writes, also
 * when Kafka Streams restores the store from the topic (it replays the records through the loader).
 */
final class Profiles {
  private static final String INDEX = "~";

  /** After every character of an id: the end of a range of keys that share a prefix. */
  private static final String PREFIX_END = "\uffff";

  private final KeyValueStore<String, Business> store;

  Profiles(KeyValueStore<String, Business> store) {
    this.store = store;
  }

  Business get(String id) {
    return store.get(id);
  }

  /** The businesses with a channel on {@code service}, by id. */
  List<Business> onService(String service) {
    List<Business> found = new ArrayList<>();
    String prefix = INDEX + service + '|';
    try (KeyValueIterator<String, Business> entries = store.range(prefix, prefix + PREFIX_END)) {
      entries.forEachRemaining(
          entry -> {
            // a service whose name goes on with '|' shares the prefix: only exact keys count
            if (entry.key.equals(prefix + entry.value.getId())) {
              found.add(entry.value);
            }
          });
    }
    return found;
  }

  /** Stores a profile in place of the last one, and the index with it. */
  void put(Business profile) {
    Set<String> services = servicesOf(profile);
    Business before = store.get(profile.getId());
    if (before != null) {
      for (String gone : servicesOf(before)) {
        if (!services.contains(gone)) {
          store.delete(indexKey(gone, before.getId()));
        }
      }
    }
    store.put(profile.getId(), profile);
    for (String service : services) {
      store.put(indexKey(service, profile.getId()), profile);
    }
  }

  /** Removes a profile and its index entries. */
  void delete(String id) {
    Business before = store.delete(id);
    if (before != null) {
      servicesOf(before).forEach(service -> store.delete(indexKey(service, id)));
    }
  }

  /** The start and end (inclusive) of the keys that begin with {@code prefix}. */
  static String[] prefixRange(String prefix) {
    return new String[] {prefix, prefix + PREFIX_END};
  }

  private static String indexKey(String service, String id) {
    return INDEX + service + '|' + id;
  }

  private static Set<String> servicesOf(Business profile) {
    Set<String> services = new TreeSet<>();
    for (BusinessChannel channel : profile.getChannels()) {
      services.add(channel.getService());
    }
    return services;
  }
}
