package io.outageradar.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.testkit.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What status says when it cannot ask (what it shows is tested against a real instance). */
class StatusCommandTest {
  private final StringWriter errors = new StringWriter();

  private int run(String... args) {
    CommandLine cli = OutageRadar.commandLine();
    cli.setErr(new PrintWriter(errors));
    return cli.execute(args);
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    assertThat(run("status", "--url", "ftp://example.org")).isEqualTo(2);
    assertThat(errors.toString()).contains("--url ftp://example.org is not an http(s) URL");
  }

  @Test
  void anInstanceThatDoesNotAnswerIsOneLineNamingIt() {
    String url = "http://127.0.0.1:" + FreePorts.any();
    assertThat(run("status", "--url", url)).isEqualTo(1);
    assertThat(errors.toString().strip())
        .startsWith("outage-radar status: cannot reach " + url + " (")
        .endsWith("is run (with query.server) or demo --serve running there?")
        .doesNotContain("\n")
        .doesNotContain("Exception:");
  }
}
