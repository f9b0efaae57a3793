package io.outageradar.streams.detection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this instance's detection tasks have judged everything they were given, for a caller on
 * another thread that must know when the outcome of a replay is final (the demo).
 *
 * <p>Without it such a caller could only wait for the pipeline's committed offsets (every 10 s
 * under at-least-once) and then for a quiet spell long enough to cover the idle detection that
 * closes the last windows. Each detection task says so at its idle check instead: yes when its
 * inputs are processed to their end and have been quiet for {@code detection.idle-advance-after},
 * every window is closed and no verdict is held back. What follows a task's verdicts (alerts,
 * business notices, the region impact) is one or two internal topics further on.
 *
 * <p>A task moved to another instance keeps its last word here: the answer is for one instance that
 * owns every task.
 */
public final class Settling {
  private final Map<Integer, Boolean> byTask = new ConcurrentHashMap<>();

  /** Detection in task {@code task} says whether it has judged everything (its stream thread). */
  void note(int task, boolean judgedEverything) {
    byTask.put(task, judgedEverything);
  }

  /** Whether detection tasks 0 to {@code tasks} − 1 all said, last, that they had. */
  public boolean everyTaskJudgedEverything(int tasks) {
    for (int task = 0; task < tasks; task++) {
      if (!Boolean.TRUE.equals(byTask.get(task))) {
        return false;
      }
    }
    return true;
  }
}
