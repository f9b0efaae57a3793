package io.outageradar.service.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a process says about itself: live while it has not given up, ready while every check finds
 * nothing wrong (the stream application RUNNING, the pager consuming, the producer connected, the
 * broker and the registry reachable). A check answers with the problem, or empty when all is well.
 */
public final class Health {
  private final Map<String, Supplier<Optional<String>>> checks = new LinkedHashMap<>();
  private volatile String fatal;

  /** Adds a readiness check under a name the readiness answer shows. */
  public synchronized Health check(String name, Supplier<Optional<String>> problem) {
    checks.put(name, problem);
    return this;
  }

  /**
   * The process cannot go on (a dead pager thread, a stream thread in ERROR): not ready, and not
   * live either.
   */
  public void fail(String reason) {
    if (fatal == null) {
      fatal = reason;
    }
  }

  public Optional<String> fatal() {
    return Optional.ofNullable(fatal);
  }

  public boolean live() {
    return fatal == null;
  }

  /** The problems of the checks that fail now, by check name; empty when ready. */
  public synchronized Map<String, String> problems() {
    Map<String, String> problems = new TreeMap<>();
    if (fatal != null) {
      problems.put("process", fatal);
    }
    checks.forEach(
        (name, check) -> {
          try {
            check.get().ifPresent(problem -> problems.put(name, problem));
          } catch (
              RuntimeException
                  e) { // a check that cannot tell is a failing check, not a broken endpoint
            problems.put(name, e.toString());
          }
        });
    return problems;
  }
}
