package io.outageradar.streams.placement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many records each task's placement holds back while it waits for another partition, so that
 * detection in the same task does not mistake that wait for an idle input.
 */
public final class HeldInputs {
  private final Map<String, Integer> held = new ConcurrentHashMap<>();

  void set(String inputTopic, int partition, int count) {
    if (count == 0) {
      held.remove(key(inputTopic, partition));
    } else {
      held.put(key(inputTopic, partition), count);
    }
  }

  /** Whether the placement of {@code inputTopic} in task {@code partition} holds nothing back. */
  public boolean none(String inputTopic, int partition) {
    return !held.containsKey(key(inputTopic, partition));
  }

  private static String key(String inputTopic, int partition) {
    return inputTopic + '|' + partition;
  }
}
