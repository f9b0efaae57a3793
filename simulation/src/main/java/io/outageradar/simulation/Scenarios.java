package io.outageradar.simulation;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The replayable scenarios by name. */
public final class Scenarios {
  private static final Map<String, LongFunction<Scenario>> BY_NAME =
      Map.of(
          Facebook2021Scenario.NAME, Facebook2021Scenario::new,
          QuietWeekScenario.NAME, QuietWeekScenario::new,
          RegionalIspScenario.NAME, RegionalIspScenario::new,
          FlappingAgentScenario.NAME, FlappingAgentScenario::new,
          ReportFloodScenario.NAME, ReportFloodScenario::new);

  private Scenarios() {}

  public static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  /** The scenario of that name for a seed; an unknown name lists the known ones. */
  public static Scenario create(String name, long seed) {
    LongFunction<Scenario> factory = BY_NAME.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown scenario " + name + " (known: " + String.join(", ", names()) + ")");
    }
    return factory.apply(seed);
  }
}
