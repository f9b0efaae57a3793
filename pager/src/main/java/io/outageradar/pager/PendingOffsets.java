package io.outageradar.pager;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Pages (or business notices) handed to delivery lanes and not yet done, per partition in offset
 * order. A partition's offset may be committed up to the first page some integration still works
 * on: committing past it would lose that page if the pager died. Used by the consuming thread only.
 */
public final class PendingOffsets {
  private final Map<TopicPartition, TreeMap<Long, CompletableFuture<Void>>> byPartition =
      new HashMap<>();
  private int size;

  public void add(TopicPartition partition, long offset, CompletableFuture<Void> done) {
    byPartition.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, done);
    size++;
  }

  public int size() {
    return size;
  }

  /**
   * Removes the done pages at the head of each partition; returns the next offset to commit for
   * each that moved. A page that could neither be delivered nor dead-lettered stops everything:
   * committing past it would lose it.
   */
  public Map<TopicPartition, Long> takeCommittable() {
    Map<TopicPartition, Long> committable = new HashMap<>();
    for (Map.Entry<TopicPartition, TreeMap<Long, CompletableFuture<Void>>> entry :
        byPartition.entrySet()) {
      TreeMap<Long, CompletableFuture<Void>> pages = entry.getValue();
      while (!pages.isEmpty() && pages.firstEntry().getValue().isDone()) {
        if (pages.firstEntry().getValue().isCompletedExceptionally()) {
          throw new IllegalStateException(
              "page at "
                  + entry.getKey()
                  + "@"
                  + pages.firstKey()
                  + " was neither delivered nor dead-lettered",
              pages.firstEntry().getValue().handle((ignored, error) -> error).join());
        }
        committable.put(entry.getKey(), pages.pollFirstEntry().getKey() + 1);
        size--;
      }
    }
    return committable;
  }

  /** Commits, synchronously, what {@link #takeCommittable} gives; nothing when nothing moved. */
  public void commitDone(Consumer<?, ?> consumer) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    takeCommittable()
        .forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
    }
  }

  /**
   * Forgets a partition this pager no longer owns; its new owner delivers from the last commit on.
   */
  public void forget(TopicPartition partition) {
    TreeMap<Long, CompletableFuture<Void>> pages = byPartition.remove(partition);
    size -= pages == null ? 0 : pages.size();
  }
}
