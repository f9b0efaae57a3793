package io.outageradar.streams.placement;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Merges the records of one input that reach one task from several source partitions into a single
 * order that is a function of the records alone — not of which partition the consumers happened to
 * read first, how fast each task ran, or when a crash cut in.
 *
 * <p>Each source partition is a queue in its own order. Each record carries its source's <em>order
 * time</em>: the greatest event time that source had seen up to and including it, so order times
 * never fall within a source. A source also promises that nothing it sends later has an earlier
 * order time (its latest order time, sent on with every record and in markers between records). The
 * merge takes the head with the least (order time, source) once every other source has either a
 * record waiting or a promise past it: exactly the order a merge of the whole sequences would give.
 * A source that has promised nothing yet holds everything back; one that is idle (its task has read
 * all it has and nothing came for a while, a wall-clock judgement) holds nothing back until it
 * sends again.
 *
 * <p>Records in event-time order come out in event-time order; a source's record that is older than
 * one it sent before keeps its place behind it, as a single partition would keep it.
 *
 * @param <V> what a record carries
 */
final class SourceMerge<V> {
  /** A record waiting in its source's queue. */
  record Held<V>(int source, long offset, long orderTime, V value) {}

  /** Nothing promised yet. */
  static final long NONE = Long.MIN_VALUE;

  private final Map<Integer, ArrayDeque<Held<V>>> queues = new TreeMap<>();
  private final Map<Integer, Long> promised = new TreeMap<>();
  private final Set<Integer> idle = new TreeSet<>();
  private final Set<Integer> sources = new TreeSet<>();
  private int held;

  /** A merge over sources {@code 0 .. expectedSources-1} (and any other that speaks). */
  SourceMerge(int expectedSources) {
    for (int source = 0; source < expectedSources; source++) {
      sources.add(source);
    }
  }

  /** A record of {@code held.source()}; it promises its own order time too. */
  void add(Held<V> record) {
    queues.computeIfAbsent(record.source(), s -> new ArrayDeque<>()).add(record);
    held++;
    promise(record.source(), record.orderTime());
  }

  /** {@code source} sends nothing with an order time before {@code orderTime}; it is not idle. */
  void promise(int source, long orderTime) {
    sources.add(source);
    idle.remove(source);
    promised.merge(source, orderTime, Math::max);
  }

  /** {@code source} has nothing to send for now: it holds nothing back until it sends again. */
  void idle(int source) {
    sources.add(source);
    idle.add(source);
  }

  /** What {@code source} has promised, or {@link #NONE}. */
  long promised(int source) {
    return promised.getOrDefault(source, NONE);
  }

  boolean isIdle(int source) {
    return idle.contains(source);
  }

  /** Records waiting for another source. */
  int held() {
    return held;
  }

  /** Sources that have neither promised anything nor said they are idle. */
  int unheard() {
    int unheard = 0;
    for (int source : sources) {
      if (!idle.contains(source) && !promised.containsKey(source)) {
        unheard++;
      }
    }
    return unheard;
  }

  /** Hands over, in merge order, every record no source can still come before. */
  void release(Consumer<Held<V>> next) {
    Held<V> head;
    while ((head = releasable()) != null) {
      queues.get(head.source()).poll();
      held--;
      next.accept(head);
    }
  }

  private Held<V> releasable() {
    Held<V> least = null;
    for (ArrayDeque<Held<V>> queue : queues.values()) {
      Held<V> candidate = queue.peek();
      if (candidate != null && (least == null || before(candidate, least))) {
        least = candidate;
      }
    }
    if (least == null) {
      return null;
    }
    for (int source : sources) {
      ArrayDeque<Held<V>> queue = queues.get(source);
      boolean waiting = queue != null && !queue.isEmpty();
      if (waiting || idle.contains(source)) {
        continue;
      }
      long promise = promised(source);
      // the source's next record may have the promised order time: it would come first if it ties
      // and has the lower source number
      if (promise == NONE
          || promise < least.orderTime()
          || (promise == least.orderTime() && source < least.source())) {
        return null;
      }
    }
    return least;
  }

  private static boolean before(Held<?> a, Held<?> b) {
    return a.orderTime() != b.orderTime()
        ? a.orderTime() < b.orderTime()
        : a.source() != b.source() ? a.source() < b.source() : a.offset() < b.offset();
  }
}
