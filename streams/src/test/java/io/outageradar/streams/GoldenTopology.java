package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;

/**
 * Compares a topology's description with a committed golden file, so a renamed operator, store or
 * internal topic (which would orphan a deployed application's state) shows up in review. To accept
 * an intended change, copy {@code target/golden/NAME.txt} over {@code src/test/resources/golden/}.
 */
public final class GoldenTopology {
  private GoldenTopology() {}

  public static void assertMatches(String name, Topology topology) throws IOException {
    String actual = topology.describe().toString();
    Path written = Path.of("target/golden", name + ".txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual);
    Path golden = Path.of("src/test/resources/golden", name + ".txt");
    assertThat(golden).as("golden file missing; review and copy " + written).exists();
    assertThat(actual)
        .as("topology changed; if intended, copy " + written + " over " + golden)
        .isEqualTo(Files.readString(golden));
  }
}
