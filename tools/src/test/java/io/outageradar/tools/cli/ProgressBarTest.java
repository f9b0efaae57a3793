package io.outageradar.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.simulation.ScenarioPublisher.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void rendersTheShareDoneAndTheCount() {
    assertThat(ProgressBar.render("fb-2021-10-04", 0.5, 51_840))
        .isEqualTo("fb-2021-10-04 [###############---------------]  50% 51,840 events");
    assertThat(ProgressBar.render("load", 1.7, 3))
        .isEqualTo("load [##############################] 100% 3 events");
    assertThat(ProgressBar.render("load", -1, 0))
        .isEqualTo("load [------------------------------]   0% 0 events");
  }

  @Test
  void followsEventTimeThroughTheScenario() {
    StringWriter out = new StringWriter();
    Progress bar =
        ProgressBar.ofEventTime(
            new PrintWriter(out),
            "s",
            Instant.parse("2021-10-04T12:00:00Z"),
            Instant.parse("2021-10-04T16:00:00Z"),
            true);
    bar.sent(4096, Instant.parse("2021-10-04T13:00:00Z"));
    ProgressBar.finish(bar);
    assertThat(out.toString())
        .isEqualTo(
            "\rs [########----------------------]  25% 4,096 events" + System.lineSeparator());
  }

  @Test
  void printsNothingWhenNotOnATerminal() {
    StringWriter out = new StringWriter();
    Progress bar =
        ProgressBar.ofEventTime(
            new PrintWriter(out), "s", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), false);
    bar.sent(10, Instant.EPOCH.plusSeconds(30));
    ProgressBar.finish(bar);
    assertThat(out.toString()).isEmpty();
  }
}
