package io.outageradar.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line behaves: every command has --help and --version, the overview gives each a whole
 * sentence, bad flags, settings and input files end with exit code 2 and one line naming the
 * problem, failures with exit 1 and one line naming what failed (a busy port), and a stack trace
 * only with --verbose.
 */
class OutageRadarCliTest {
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void everyCommandAnswersHelpAndVersion() {
    List<String> commands =
        OutageRadarTools.commandLine().getSubcommands().keySet().stream()
            .filter(name -> !name.equals("help"))
            .toList();
    assertThat(commands)
        .contains(
            "run",
            "probe",
            "intake",
            "social",
            "sentiment",
            "pager",
            "settings",
            "demo",
            "replay",
            "backtest",
            "chaos",
            "bench",
            "dev");
    for (String command : commands) {
      assertThat(run(command, "--help")).as(command + " --help").isZero();
      assertThat(out.toString()).as(command + " --help").contains("Usage: outage-radar " + command);
      assertThat(run(command, "--version")).as(command + " --version").isZero();
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void helpTextsWrapOnlyBetweenWords() {
    // a text wrapped at 80 columns has the same words as the same text on one long line; a word
    // cut after a full stop, comma or quote shows as two different words
    List<String> cut = new ArrayList<>();
    for (String command : OutageRadarTools.commandLine().getSubcommands().keySet()) {
      List<String> wrapped = new ArrayList<>(words(helpOf(command, 80)));
      words(helpOf(command, 1000)).forEach(wrapped::remove);
      wrapped.forEach(word -> cut.add(command + ": " + word));
    }
    assertThat(cut).as("words cut by wrapping in --help").isEmpty();
  }

  @Test
  void everyParagraphOfAHelpTextEndsItsSentence() {
    List<String> unfinished = new ArrayList<>();
    OutageRadarTools.commandLine()
        .getSubcommands()
        .forEach(
            (name, command) -> {
              if (name.equals("help")) {
                return; // picocli's own
              }
              String[] paragraphs = command.getCommandSpec().usageMessage().description();
              for (int i = 0; i < paragraphs.length; i++) {
                boolean listFollows =
                    i + 1 < paragraphs.length && paragraphs[i + 1].startsWith(" ");
                String end = paragraphs[i].strip();
                if (!(end.endsWith(".") || end.endsWith(")") || listFollows || end.endsWith("}"))) {
                  unfinished.add(name + ": " + paragraphs[i]);
                }
              }
            });
    assertThat(unfinished).as("a sentence broken across paragraphs").isEmpty();
  }

  private static String helpOf(String command, int width) {
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setUsageHelpWidth(width);
    return cli.getSubcommands().get(command).getUsageMessage();
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }

  @Test
  void theOverviewGivesEveryCommandAWholeSentence() {
    assertThat(run("--help")).isZero();
    String commands = out.toString().substring(out.toString().indexOf("Commands:"));
    // a summary wrapped onto further lines continues with deeper indentation
    List<String> summaries =
        List.of(commands.replaceAll("\n {5,}", " ").split("\n")).stream()
            .filter(line -> line.matches("  [a-z]+ {2,}\\S.*"))
            .toList();
    assertThat(summaries)
        .hasSizeGreaterThanOrEqualTo(13)
        .allSatisfy(line -> assertThat(line.strip()).endsWith("."));
  }

  @Test
  void aMissingInputFileIsAUsageErrorInOneLineNamingIt() {
    assertThat(run("backtest", "--events", "no-such-events.jsonl")).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("outage-radar backtest: ")
        .contains("no-such-events.jsonl");
  }

  @Test
  void theStackTraceComesOnlyWithVerbose() {
    run("backtest", "--events", "no-such-events.jsonl", "--verbose");
    assertThat(err.toString().lines().count()).isGreaterThan(3);
    assertThat(err.toString()).contains("\tat ");
  }

  @Test
  void aBrokerThatDoesNotAnswerIsNamedInOneLine() {
    int code =
        run(
            "run",
            "--bootstrap-servers",
            "127.0.0.1:9",
            "--schema-registry-url",
            "mock://cli-test",
            "--set",
            "admin.default.api.timeout.ms=2000",
            "--set",
            "admin.request.timeout.ms=1000",
            "--set",
            "health.port=-1");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines().toList())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("outage-radar run: Kafka at 127.0.0.1:9: ");
  }

  @Test
  void aBusyIntakePortIsNamed() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code =
          run(
              "intake",
              "--port",
              Integer.toString(busy.getLocalPort()),
              "--bootstrap-servers",
              "127.0.0.1:1",
              "--schema-registry-url",
              "mock://cli-test",
              "--set",
              "intake.api-keys=k",
              "--set",
              "health.port=-1");
      assertThat(code).isEqualTo(1);
      assertThat(err.toString().lines().toList())
          .hasSize(1)
          .first()
          .asString()
          .contains("port " + busy.getLocalPort())
          .doesNotContain("\tat ");
    }
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    assertThat(run("demo", "--jsn")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--jsn'");
  }

  @Test
  void runWithABadSettingExitsTwoNamingIt() {
    int code =
        run(
            "run",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--schema-registry-url",
            "mock://cli-test",
            "--set",
            "detection.window=-5s");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("outage-radar run: invalid setting detection.window=-5s: must be positive");
  }

  @Test
  void runWithoutABrokerAddressExitsTwo() {
    assertThat(run("run", "--schema-registry-url", "mock://cli-test")).isEqualTo(2);
    assertThat(err.toString()).contains("missing setting bootstrap.servers");
  }

  @Test
  void aProbeRegionThatIsNoCountryCodeExitsTwoNamingIt() {
    int code =
        run(
            "probe",
            "--targets",
            "targets.yaml",
            "--region",
            "Brazil",
            "--agent",
            "br-1",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--schema-registry-url",
            "mock://cli-test");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--region \"Brazil\" is not an ISO 3166-1 alpha-2 country code");
  }
}
