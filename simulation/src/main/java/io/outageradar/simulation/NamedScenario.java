package io.outageradar.simulation;

import java.time.Instant;

/** A scenario's identity and time range; subclasses say what happens in it. */
abstract class NamedScenario implements Scenario {
  private final String name;
  private final Instant start;
  private final Instant end;

  NamedScenario(String name, Instant start, Instant end) {
    this.name = name;
    this.start = start;
    this.end = end;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Instant start() {
    return start;
  }

  @Override
  public final Instant end() {
    return end;
  }
}
