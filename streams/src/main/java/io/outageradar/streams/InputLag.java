package io.outageradar.streams;

/**
 * Whether a task has processed everything the broker holds of one of its input partitions. A task
 * that hears nothing is only idle when this is so; otherwise the silence is a backlog not read yet,
 * or records waiting in the task's buffer while another of its partitions goes first.
 */
@FunctionalInterface
public interface InputLag {
  /** The offset to pass when the task has processed no record of the partition yet. */
  long NOTHING_PROCESSED = -1;

  /** For a driver that hands over every record itself (tests, the backtest): always caught up. */
  InputLag NONE = (topic, partition, lastProcessed) -> true;

  /**
   * Asked on the stream thread that runs the task, with the offset of the last record of the
   * partition the task processed ({@link #NOTHING_PROCESSED} if none).
   */
  boolean caughtUp(String topic, int partition, long lastProcessed);
}
