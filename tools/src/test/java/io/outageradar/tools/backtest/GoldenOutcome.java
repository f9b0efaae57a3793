package io.outageradar.tools.backtest;

import io.outageradar.testkit.GoldenFiles;
import io.outageradar.tools.Outcome;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares the outages and pages of a scenario's backtest with a committed golden file, byte for
 * byte, so that a refactoring of the rules that changes any of them shows up. To accept an intended
 * change, copy {@code target/golden/outcomes/NAME.txt} over {@code
 * src/test/resources/golden/outcomes/}.
 */
public final class GoldenOutcome {
  private GoldenOutcome() {}

  public static void assertMatches(String scenario, Outcome outcome) throws IOException {
    String actual =
        Stream.concat(outcome.outages().stream(), outcome.pages().stream())
                .map(String::valueOf)
                .collect(Collectors.joining("\n"))
            + "\n";
    GoldenFiles.assertMatches("outcomes/" + scenario, actual, "outcome changed");
  }
}
