package io.outageradar.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.tools.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path written = Path.of("target/golden/outcomes", scenario + ".txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual);
    Path golden = Path.of("src/test/resources/golden/outcomes", scenario + ".txt");
    assertThat(golden).as("golden file missing; review and copy " + written).exists();
    assertThat(actual)
        .as("outcome changed; if intended, copy " + written + " over " + golden)
        .isEqualTo(Files.readString(golden));
  }
}
