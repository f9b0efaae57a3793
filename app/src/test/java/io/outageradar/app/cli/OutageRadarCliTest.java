package io.outageradar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.app.OutageRadar;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad flags and settings end with exit code 2 and one line naming the problem, before anything starts. */
class OutageRadarCliTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = OutageRadar.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    assertThat(run("demo", "--jsn")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--jsn'");
  }

  @Test
  void runWithABadSettingExitsTwoNamingIt() {
    int code = run("run", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url", "mock://cli-test",
        "--set", "detection.window=-5s");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("outage-radar: invalid setting detection.window=-5s: must be positive");
  }

  @Test
  void runWithoutABrokerAddressExitsTwo() {
    assertThat(run("run", "--schema-registry-url", "mock://cli-test")).isEqualTo(2);
    assertThat(err.toString()).contains("missing setting bootstrap.servers");
  }

  @Test
  void aProbeRegionThatIsNoCountryCodeExitsTwoNamingIt() {
    int code = run("probe", "--targets", "targets.yaml", "--region", "Brazil", "--agent", "br-1",
        "--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url", "mock://cli-test");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--region \"Brazil\" is not an ISO 3166-1 alpha-2 country code");
  }
}
