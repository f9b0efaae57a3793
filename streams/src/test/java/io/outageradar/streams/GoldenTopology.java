package io.outageradar.streams;

import io.outageradar.testkit.GoldenFiles;
import java.io.IOException;
import org.apache.kafka.streams.Topology;

/**
 * Compares a topology's description with a committed golden file, so a renamed operator, store or
 * internal topic (which would orphan a deployed application's state) shows up in review. To accept
 * an intended change, copy {@code target/golden/NAME.txt} over {@code src/test/resources/golden/}.
 */
public final class GoldenTopology {
  private GoldenTopology() {}

  public static void assertMatches(String name, Topology topology) throws IOException {
    GoldenFiles.assertMatches(name, topology.describe().toString(), "topology changed");
  }
}
