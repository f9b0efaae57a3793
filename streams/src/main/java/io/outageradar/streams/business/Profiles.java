package io.outageradar.streams.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
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

  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, Business> store;

  Profiles(KeyValueStore<String, Business> store) {
    this.store = store;
  }

  Business get(String id) {
    return store.get(id);
  }

  /** The businesses with a channel on {@code service}, by id. */
  private List<Business> onService(String service) {
    List<Business> found = new ArrayList<>();
    String prefix = INDEX + service + '|';
    try (KeyValueIterator<String, Business> entries = store.prefixScan(prefix, KEYS)) {
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

  /**
   * The businesses an outage of {@code service} may concern: those with a channel on it, and those
   * of {@code alsoIds} (already told of it, or hurt by it) whose profile is gone from it since;
   * present ones by id, as a scan of every profile would meet them.
   */
  Concerned concerned(String service, Collection<String> alsoIds) {
    SortedMap<String, Business> present = new TreeMap<>();
    onService(service).forEach(business -> present.put(business.getId(), business));
    SortedSet<String> deleted = new TreeSet<>();
    for (String id : alsoIds) {
      if (!present.containsKey(id)) {
        Business business = store.get(id);
        if (business == null) {
          deleted.add(id);
        } else {
          present.put(id, business);
        }
      }
    }
    return new Concerned(present, deleted);
  }

  /** Profiles an outage concerns, by id, and the ids of businesses deleted since. */
  record Concerned(SortedMap<String, Business> present, SortedSet<String> deleted) {}

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
