package io.outageradar.service.ops;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A single daemon thread for a process's periodic look at the cluster: it never keeps it alive. */
final class DaemonTimer {
  private DaemonTimer() {}

  static ScheduledExecutorService named(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        });
  }
}
