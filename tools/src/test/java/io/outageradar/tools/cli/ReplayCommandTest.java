package io.outageradar.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aScenarioWrittenToFileBacktestsToTheSameAnswer() throws Exception {
    Path events = dir.resolve("regional-isp.jsonl");

    assertThat(
            run(
                "replay",
                "--scenario",
                "regional-isp",
                "--seed",
                "7",
                "--to-file",
                events.toString()))
        .isZero();
    List<String> lines = Files.readAllLines(events);
    assertThat(lines)
        .hasSize(240 * 18 * 3 * 2); // 2 h of 30 s rounds, 18 agents, 3 services, 2 checks
    assertThat(lines.get(0)).startsWith("{\"type\":\"probe\",\"timestamp\":\"2024-03-12T09:00:");
    assertThat(Files.readAllLines(events)).isEqualTo(lines);

    assertThat(run("backtest", "--events", events.toString(), "--json")).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("outages"))
        .hasSize(3)
        .allSatisfy(o -> assertThat(o.get("regions").toString()).isEqualTo("[\"BR\"]"));
  }

  @Test
  void theSameSeedGivesTheSameEvents() throws Exception {
    Path first = dir.resolve("a.jsonl");
    Path second = dir.resolve("b.jsonl");
    run("replay", "--scenario", "report-flood", "--seed", "3", "--to-file", first.toString());
    run("replay", "--scenario", "report-flood", "--seed", "3", "--to-file", second.toString());

    assertThat(Files.readAllLines(first)).isEqualTo(Files.readAllLines(second)).isNotEmpty();
  }

  @Test
  void anUnknownScenarioIsAUsageErrorListingTheKnownOnes() {
    assertThat(run("replay", "--scenario", "y2k", "--to-file", dir.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown scenario y2k")
        .contains("fb-2021-10-04")
        .contains("quiet-week");
  }
}
