package io.outageradar.simulation;

import java.util.List;
import java.util.stream.IntStream;

/** A vantage region and the probing agents that run in it. */
public record Vantage(String region, List<String> agents) {
  /** {@code count} agents named {@code <region>-<city>-<n>} (e.g. br-sao-1). */
  public static Vantage of(String region, String city, int count) {
    String prefix = region.toLowerCase() + "-" + city + "-";
    return new Vantage(region, IntStream.rangeClosed(1, count).mapToObj(n -> prefix + n).toList());
  }
}
