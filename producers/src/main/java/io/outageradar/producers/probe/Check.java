package io.outageradar.producers.probe;

import java.time.Duration;

/** One kind of check, configured for one target; runs once per round within the given timeout. */
@FunctionalInterface
public interface Check {
  CheckOutcome run(Duration timeout);
}
