package io.outageradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares what a test produced with a committed golden file under {@code
 * src/test/resources/golden/}, writing it to {@code target/golden/} first: to accept an intended
 * change, review the written file and copy it over the golden one.
 */
public final class GoldenFiles {
  private GoldenFiles() {}

  /** {@code name} may hold folders, e.g. {@code outcomes/regional-isp}; {@code .txt} is added. */
  public static void assertMatches(String name, String actual, String whatChanged)
      throws IOException {
    Path written = Path.of("target/golden", name + ".txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual);
    Path golden = Path.of("src/test/resources/golden", name + ".txt");
    assertThat(golden).as("golden file missing; review and copy " + written).exists();
    assertThat(actual)
        .as(whatChanged + "; if intended, copy " + written + " over " + golden)
        .isEqualTo(Files.readString(golden));
  }
}
