package io.outageradar.streams;

/**
 * Whether the consumer has fetched everything the broker holds of one input partition. A task that
 * hears nothing is only idle when this is so; otherwise the silence is a backlog not fetched yet.
 */
@FunctionalInterface
public interface InputLag {
  /** For a driver that hands over every record itself (tests, the backtest): always caught up. */
  InputLag NONE = (topic, partition) -> true;

  boolean caughtUp(String topic, int partition);
}
