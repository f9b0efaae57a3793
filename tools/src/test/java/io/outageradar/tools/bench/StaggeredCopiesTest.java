package io.outageradar.tools.bench;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.simulation.ScenarioEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class StaggeredCopiesTest {
  @Test
  void copiesAreRenamedMovedByTheirStaggerAndMergedInEventTimeOrder() {
    List<SpecificRecord> slice =
        List.of(
            probe("facebook", "BR", "a1", ProbeStatus.OK, at(0)),
            probe("facebook", "BR", "a1", ProbeStatus.DNS_SERVFAIL, at(50)));

    List<SpecificRecord> merged =
        StaggeredCopies.of(slice, 3, Duration.ofDays(1), Duration.ofSeconds(30)).toList();

    assertThat(merged)
        .extracting(e -> ((ProbeResult) e).getService())
        .containsExactly(
            "facebook-l0",
            "facebook-l1",
            "facebook-l0",
            "facebook-l2",
            "facebook-l1",
            "facebook-l2");
    assertThat(merged)
        .extracting(ScenarioEvents::timeOf)
        .isSorted()
        .containsExactly(day(0), day(30), day(50), day(60), day(80), day(110));
    assertThat(StaggeredCopies.copyOf("facebook-l2")).isEqualTo(2);
  }

  private static Instant day(long seconds) {
    return at(seconds).plus(Duration.ofDays(1));
  }
}
