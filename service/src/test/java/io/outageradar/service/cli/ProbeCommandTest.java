package io.outageradar.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProbeCommandTest {
  @TempDir Path dir;

  @Test
  void aTargetsFileWithAnUnknownKeyIsAUsageErrorNamingFileLineAndKey() throws Exception {
    Path targets = dir.resolve("targets.yaml");
    Files.writeString(
        targets,
        "services:\n  whatsapp:\n    - kind: HTTP\n      url: https://web.whatsapp.com/\n"
            + "      headers: {Accept: text/html}\n      expect_status: 200\n");
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadar.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute("probe", "--targets", targets.toString(), "--region", "BR", "--agent", "br-1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "outage-radar probe: "
                + targets
                + ": line 6: unknown key \"expect_status\" (known here: kind, timeout, conditions,"
                + " url, method, expectStatus, keyword, headers)");
  }
}
