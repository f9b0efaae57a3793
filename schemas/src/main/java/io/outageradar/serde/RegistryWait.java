package io.outageradar.serde;

import io.outageradar.registry.SchemaRegistryClient;
import io.outageradar.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry calls of the serdes that wait out an unreachable registry instead of failing the record:
 * a record whose schema cannot be looked up right now is not a bad record, and failing it would
 * send every record to the dead letters for as long as the registry is down. So processing pauses
 * (the calling thread waits, with a backoff) and goes on where it was when the registry answers; a
 * WARN per attempt names the registry. Only answers that will not change by asking again — an
 * unknown schema id, an incompatible schema — fail.
 */
public final class RegistryWait {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryWait.class);

  /** Threads of this process paused on the registry now, and where the last of them waits. */
  private static final AtomicInteger WAITING = new AtomicInteger();

  private static volatile String waitingFor = "";
  static final Duration FIRST_WAIT = Duration.ofMillis(500);
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private RegistryWait() {}

  /**
   * A readiness problem while some thread of this process waits for the registry: records are not
   * being processed then, although nothing failed.
   */
  public static Optional<String> problem() {
    int waiting = WAITING.get();
    return waiting == 0
        ? Optional.empty()
        : Optional.of(waiting + " thread(s) waiting for the schema registry at " + waitingFor);
  }

  static <R> R untilAnswered(SchemaRegistryClient registry, String what, Supplier<R> call) {
    Duration wait = FIRST_WAIT;
    boolean counted = false;
    try {
      while (true) {
        try {
          return call.get();
        } catch (SchemaRegistryException e) {
          if (!isTransient(e)) {
            throw e;
          }
          if (!counted) {
            counted = true;
            WAITING.incrementAndGet();
            waitingFor = registry.location();
          }
          LOG.warn(
              "schema registry at {} cannot be reached to {} ({}); processing paused, asking again in {} ms",
              registry.location(),
              what,
              e.getMessage(),
              wait.toMillis());
        }
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SerializationException(
              "interrupted while waiting for the schema registry at " + registry.location());
        }
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    } finally {
      if (counted) {
        WAITING.decrementAndGet();
      }
    }
  }

  /** No answer, a server error, or an answer about access or load that an operator can fix. */
  static boolean isTransient(SchemaRegistryException e) {
    int status = e.httpStatus();
    return status == -1
        || status >= 500
        || status == 401
        || status == 403
        || status == 408
        || status == 429;
  }
}
