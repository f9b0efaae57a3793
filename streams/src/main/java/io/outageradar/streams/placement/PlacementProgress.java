package io.outageradar.streams.placement;

import io.outageradar.streams.InputLag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each task's placement of an input has come — the records it holds back for another
 * partition, the last offsets it processed of its input and by-service partitions — so that
 * detection in the same task can tell an idle input from one the placement is still working
 * through.
 */
public final class PlacementProgress {
  /** One task's placement of one input; written and read on the task's stream thread only. */
  static final class Of {
    private final String byServiceTopic;
    int held;

    /**
     * Source partitions not heard from yet: what they hold may still be on its way through the
     * by-service topic, however caught up that topic looks.
     */
    int unheard;

    long processedInput = InputLag.NOTHING_PROCESSED;
    long processedByService = InputLag.NOTHING_PROCESSED;

    private Of(String byServiceTopic) {
      this.byServiceTopic = byServiceTopic;
    }
  }

  private final InputLag lag;
  private final Map<String, Of> placements = new ConcurrentHashMap<>();

  public PlacementProgress(InputLag lag) {
    this.lag = lag;
  }

  /** A task's placement of {@code inputTopic} (re)starts: its progress starts from nothing. */
  Of start(String inputTopic, String byServiceTopic, int partition) {
    Of progress = new Of(byServiceTopic);
    placements.put(key(inputTopic, partition), progress);
    return progress;
  }

  /**
   * Whether the placement of {@code inputTopic} in task {@code partition} holds nothing back, has
   * heard from every source partition, and has processed everything the broker holds of its input
   * and by-service partitions. Asked on the task's stream thread.
   */
  public boolean drained(String inputTopic, int partition) {
    Of progress = placements.get(key(inputTopic, partition));
    return progress != null
        && progress.held == 0
        && progress.unheard == 0
        && lag.caughtUp(inputTopic, partition, progress.processedInput)
        && lag.caughtUp(progress.byServiceTopic, partition, progress.processedByService);
  }

  /** Whether the placement's own input partition is processed to its end. */
  boolean inputCaughtUp(String inputTopic, int partition) {
    Of progress = placements.get(key(inputTopic, partition));
    return progress != null && lag.caughtUp(inputTopic, partition, progress.processedInput);
  }

  private static String key(String inputTopic, int partition) {
    return inputTopic + '|' + partition;
  }
}
